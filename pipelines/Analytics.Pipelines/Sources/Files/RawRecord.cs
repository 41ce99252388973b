namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// One record of a dropped file before any typing: its line (the line it starts on, 1-based, header included), its
/// field texts (null = absent or JSON null), or the reason it could not even be split into fields.
/// </summary>
/// <param name="Line">Line number in the file (for Parquet, the row number + 1 for a notional header).</param>
/// <param name="Fields">Field texts by source column position; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the record is unreadable (bad quoting, invalid UTF-8, not a JSON object, ...).</param>
/// <param name="ErrorColumn">The source column the error is in, when known.</param>
/// <param name="Origin">Where the record comes from beyond file and line (e.g. <c>Opportunity 006xx</c>), appended to quarantine reasons; null for files.</param>
internal sealed record RawRecord(long Line, string?[]? Fields, string? Error = null, string? ErrorColumn = null, string? Origin = null);

/// <summary>A dropped file opened for reading: its header, then its records.</summary>
internal interface IRawRecordReader : IDisposable
{
    /// <summary>Source column names, in position order.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The records, streamed.</summary>
    IEnumerable<RawRecord> Records();
}
