namespace Analytics.Reports.Qbr;

/// <summary>
/// The "so what" page of a pack: the three largest changes against the quarter before, each with what drove it, the
/// targets of the quarter with attainment, and the asks for the next quarter. Built by <see cref="SoWhatReader"/> from
/// the marts with rules printed on the page, so a reader can check each line.
/// </summary>
/// <param name="Changes">The largest changes, largest first (at most <see cref="ChangesListed"/>).</param>
/// <param name="Targets">The quarter's targets with attainment (none when no target is set).</param>
/// <param name="Asks">What to do next quarter, most urgent first.</param>
public sealed record SoWhat(IReadOnlyList<SoWhat.Change> Changes, IReadOnlyList<SoWhat.TargetLine> Targets, IReadOnlyList<string> Asks)
{
    /// <summary>How many changes the page lists.</summary>
    public const int ChangesListed = 3;

    /// <summary>A motion's win rate is compared only when at least this many new-business deals closed in both quarters.</summary>
    public const int LeastClosedForWinRate = 20;

    /// <summary>The rule that picks the changes, as the page states it.</summary>
    public static string ChangeRule { get; } = "The three figures that moved most against the quarter before, by relative change; "
        + $"a motion's win rate counts only when at least {LeastClosedForWinRate} new-business deals closed in both quarters. "
        + "The driver is the partner whose own change was largest, the motion, or the partner's largest win.";

    /// <summary>One figure's change.</summary>
    /// <param name="Figure">What changed, in words.</param>
    /// <param name="Now">The quarter's value, formatted.</param>
    /// <param name="Before">The quarter before, formatted.</param>
    /// <param name="RelativeChange">(now - before) / before; ranks the changes.</param>
    /// <param name="Driver">What moved it, in words; null when nothing stands out.</param>
    public sealed record Change(string Figure, string Now, string Before, double RelativeChange, string? Driver);

    /// <summary>One target with its attainment (marts.target_attainment).</summary>
    /// <param name="Measure">sourced_arr, sourced_pipeline_arr or certified_people.</param>
    /// <param name="Target">The target.</param>
    /// <param name="Actual">The actual.</param>
    /// <param name="Attainment">Actual / target.</param>
    /// <param name="Pace">For the quarter in progress, attainment against a straight line through the quarter.</param>
    public sealed record TargetLine(string Measure, double Target, double Actual, double? Attainment, double? Pace);

    /// <summary>Picks the <see cref="ChangesListed"/> largest changes by absolute relative change.</summary>
    public static IReadOnlyList<Change> Largest(IEnumerable<Change> candidates) =>
        [.. candidates.Where(c => double.IsFinite(c.RelativeChange) && c.RelativeChange != 0)
            .OrderByDescending(c => Math.Abs(c.RelativeChange)).ThenBy(c => c.Figure, StringComparer.Ordinal).Take(ChangesListed)];
}
