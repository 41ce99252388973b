namespace Analytics.Models.StalledDeals;

/// <summary>
/// A span of labelled snapshots the stalled-deal model is evaluated on, trained only on outcomes known when it begins
/// (a training row's label snapshot on or before <see cref="From"/>), so no training label peeks into it.
/// </summary>
/// <param name="Name">"later window", "earlier window 1", ... as written to the evaluation ledger.</param>
/// <param name="From">First snapshot of the window.</param>
/// <param name="To">Last snapshot of the window.</param>
/// <param name="Outcomes">Labelled rows in the window.</param>
internal sealed record EvaluationWindow(string Name, DateOnly From, DateOnly To, long Outcomes)
{
    /// <summary>Windows evaluated: the later window and the two before it.</summary>
    public const int Count = 3;

    /// <summary>
    /// The later window (the last <paramref name="weeks"/> weeks of labelled snapshots) and up to two earlier windows of
    /// the same length just before it, newest first; a window is left out (with every earlier one) when it holds no
    /// rows or nothing was known before it to train on.
    /// </summary>
    public static IReadOnlyList<EvaluationWindow> Rolling(IReadOnlyList<StalledDealRow> labelled, int weeks)
    {
        var windows = new List<EvaluationWindow>();
        var end = labelled.Max(r => r.SnapshotDate);
        for (var k = 0; k < Count; k++)
        {
            var start = end.AddDays(-7 * weeks + 1);
            var inWindow = labelled.Count(r => r.SnapshotDate >= start && r.SnapshotDate <= end);
            if (inWindow == 0 || !labelled.Any(r => r.LabelSnapshotDate <= start))
            {
                break;
            }

            windows.Add(new EvaluationWindow(k == 0 ? StalledDealModel.LaterWindow : $"earlier window {k}", start, end, inWindow));
            end = start.AddDays(-1);
        }

        return windows;
    }

    /// <summary>The rows trained on (outcome known by <see cref="From"/>) and the rows evaluated (snapshots in the window).</summary>
    public (List<StalledDealRow> Training, List<StalledDealRow> Evaluation) Split(IReadOnlyList<StalledDealRow> labelled) =>
        (labelled.Where(r => r.LabelSnapshotDate <= From).ToList(), labelled.Where(r => r.SnapshotDate >= From && r.SnapshotDate <= To).ToList());
}
