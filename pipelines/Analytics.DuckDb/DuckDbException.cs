using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>
/// The one exception the binding throws for a DuckDB failure. <see cref="Exception.Message"/> is DuckDB's own message,
/// unchanged, so it can be searched for and matched against DuckDB's documentation.
/// </summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception carrying DuckDB's message.</summary>
    public DuckDbException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception carrying DuckDB's message and the failure that caused it.</summary>
    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SQL statement that failed, when there was one.</summary>
    public string? Statement { get; init; }
}
