namespace Analytics.Reports.Data;

/// <summary>Which warehouse build a report reads: every page footer and email names it, so any figure can be traced
/// to the snapshot's lake files (data/lake/raw/*/snapshot_date=...) and the run's catalog entries.</summary>
/// <param name="SnapshotDate">The lake snapshot the warehouse was built from.</param>
/// <param name="RunId">The transform run that built it (catalog.builds.run_id).</param>
/// <param name="CurrentQuarter">The fiscal quarter containing the snapshot date.</param>
/// <param name="LastClosedQuarter">The latest fiscal quarter that ended before the snapshot date (null if none).</param>
/// <param name="Quarters">Every fiscal quarter the warehouse knows, oldest first.</param>
public sealed record ReportSnapshot(
    DateOnly SnapshotDate,
    string RunId,
    string CurrentQuarter,
    string? LastClosedQuarter,
    IReadOnlyList<string> Quarters)
{
    /// <summary>The footer line every page and email carries.</summary>
    public string Provenance => $"Snapshot {SnapshotDate:yyyy-MM-dd} · run {RunId}";

    /// <summary>The quarter before <paramref name="quarter"/>, or null when it is the first known.</summary>
    public string? PreviousQuarter(string quarter)
    {
        var index = IndexOf(quarter);
        return index > 0 ? Quarters[index - 1] : null;
    }

    /// <summary>Up to <paramref name="count"/> quarters ending with <paramref name="quarter"/>, oldest first.</summary>
    public IReadOnlyList<string> QuartersEndingWith(string quarter, int count)
    {
        var index = IndexOf(quarter);
        var start = Math.Max(0, index - count + 1);
        return Quarters.Skip(start).Take(index - start + 1).ToList();
    }

    private int IndexOf(string quarter)
    {
        for (var i = 0; i < Quarters.Count; i++)
        {
            if (Quarters[i] == quarter)
            {
                return i;
            }
        }

        throw new ReportException($"Quarter {quarter} is not in the warehouse (it knows {Quarters[0]} to {Quarters[^1]}).");
    }
}
