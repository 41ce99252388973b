namespace Analytics.Sources.Postgres.Checking;

/// <summary>What <see cref="PostgresSourceCheck"/> found for one canonical entity.</summary>
/// <param name="Entity">The canonical entity.</param>
/// <param name="Origin">The table it is read from, or <c>query</c>.</param>
/// <param name="Columns">The canonical columns the query yields, each with its PostgreSQL type (<c>arr numeric</c>).</param>
/// <param name="Ignored">Result columns that are not canonical.</param>
/// <param name="RecordCount">The rows it would read, or null when it cannot be read.</param>
/// <param name="Problems">Why it cannot be read as mapped; empty when it can.</param>
public sealed record PostgresEntityCheck(
    string Entity,
    string Origin,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Ignored,
    long? RecordCount,
    IReadOnlyList<string> Problems)
{
    /// <summary>Whether the entity can be read as mapped.</summary>
    public bool CanWork => Problems.Count == 0;
}
