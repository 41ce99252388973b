namespace Analytics.Cli.Results;

/// <summary>How query results are written: <c>.mode</c> in the sql shell, <c>--mode</c> of <c>analytics sql</c>.</summary>
internal enum ResultMode
{
    /// <summary>A box-drawn table of at most max-rows rows (<see cref="TextTable"/>); every row is still counted.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row, every row streamed.</summary>
    Csv,

    /// <summary>A JSON array with one object per line, every row streamed.</summary>
    Json,
}
