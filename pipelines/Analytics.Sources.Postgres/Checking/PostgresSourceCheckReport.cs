namespace Analytics.Sources.Postgres.Checking;

/// <summary>The outcome of <c>analytics source check</c> for PostgreSQL.</summary>
/// <param name="Description">Which replica was checked (host, port, database, user; never the password).</param>
/// <param name="ServerVersion">The server's version, e.g. <c>15.18</c>.</param>
/// <param name="Entities">Per canonical entity, in schema order.</param>
public sealed record PostgresSourceCheckReport(string Description, string ServerVersion, IReadOnlyList<PostgresEntityCheck> Entities)
{
    /// <summary>Whether every entity can be read as mapped.</summary>
    public bool CanWork => Entities.All(e => e.CanWork);
}
