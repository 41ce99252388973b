namespace Analytics.Sources.Postgres.Configuration;

/// <summary>
/// Where one canonical entity comes from: a <see cref="Table"/> with a column map, or a <see cref="Query"/> whose result
/// columns carry the canonical names.
/// </summary>
/// <param name="Entity">The canonical entity.</param>
/// <param name="Table">A table or view (optionally schema-qualified, e.g. <c>crm.deal</c>), or null for a query.</param>
/// <param name="Query">A SELECT whose columns are named as the canonical ones, or null for a table.</param>
/// <param name="Columns">For a table: canonical column → the table's column or an SQL expression over the table; a column not listed is read from the column of its canonical name.</param>
/// <param name="RecordId">
/// The SQL expression naming a row in quarantine messages (over the table, or over the query's result columns), or null
/// for the entity's primary key.
/// </param>
/// <param name="Where">Where the mapping is written in pipeline.yaml (<c>file:line: 'key'</c>), for errors found later.</param>
public sealed record PostgresEntityMapping(
    string Entity,
    string? Table,
    string? Query,
    IReadOnlyDictionary<string, string> Columns,
    string? RecordId,
    string Where)
{
    /// <summary>What the rows come from, for labels and messages: the table's name, or <c>query</c>.</summary>
    public string Origin => Table ?? "query";
}
