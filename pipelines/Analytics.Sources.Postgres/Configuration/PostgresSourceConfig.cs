namespace Analytics.Sources.Postgres.Configuration;

/// <summary><c>source.postgres:</c>, how to reach the replica and how each canonical entity is read from it.</summary>
/// <param name="ConnectionStringVariable">The environment variable holding the connection string (never the string itself).</param>
/// <param name="StatementTimeout">The longest one entity's query may run (PostgreSQL's <c>statement_timeout</c>).</param>
/// <param name="Entities">Per canonical entity, in schema order: the table or query it is read from.</param>
public sealed record PostgresSourceConfig(
    string? ConnectionStringVariable,
    TimeSpan StatementTimeout,
    IReadOnlyList<PostgresEntityMapping> Entities)
{
    /// <summary>The default <see cref="StatementTimeout"/>: long enough for millions of rows, short enough to spare a replica a runaway query.</summary>
    public static TimeSpan DefaultStatementTimeout { get; } = TimeSpan.FromMinutes(30);

    /// <summary>The mapping of <paramref name="entity"/>.</summary>
    /// <exception cref="InvalidOperationException">The entity is not mapped (the section refuses such a configuration).</exception>
    public PostgresEntityMapping For(string entity) =>
        Entities.FirstOrDefault(e => e.Entity == entity) ?? throw new InvalidOperationException($"source.postgres maps no {entity}; this is a bug.");
}
