using Analytics.Pipelines.Lake;

namespace Analytics.Pipelines.Sources;

/// <summary>A CRM the nightly extract can read: it writes the CRM as it stood on a date into a staging area.</summary>
public interface ICrmSource
{
    /// <summary>A short description for manifests and logs, e.g. <c>demo (seed 42, scale 1)</c>; never holds secrets.</summary>
    string Description { get; }

    /// <summary>Writes every entity as of <paramref name="asOf"/> into <paramref name="staging"/>; rows that fail go to its quarantine.</summary>
    /// <exception cref="SourceException">The source as a whole cannot be read (a missing file, a missing column).</exception>
    void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress);

    /// <summary>
    /// The dates from <paramref name="first"/> to <paramref name="last"/> (inclusive) for which this source holds the
    /// CRM as it really stood, oldest first; null when it can travel to any date (the demo CRM). A backfill lands only
    /// these dates: a source that cannot time-travel never has the same export landed as invented history.
    /// </summary>
    /// <exception cref="SourceException">The source cannot be listed (for files, the drop folder is missing).</exception>
    IReadOnlyList<DateOnly>? HistoryDates(DateOnly first, DateOnly last) => null;
}
