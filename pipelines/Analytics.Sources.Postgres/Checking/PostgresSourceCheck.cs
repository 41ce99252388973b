using Analytics.Pipelines.Crm;
using Analytics.Sources.Postgres.Configuration;
using Analytics.Sources.Postgres.Reading;

namespace Analytics.Sources.Postgres.Checking;

/// <summary>
/// <c>analytics source check</c> for PostgreSQL: connects, describes each entity's query (its columns and their types
/// against the canonical schema) and counts its rows, in the same read-only snapshot the extract uses; lands nothing.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="environment">Reads environment variables (the connection string), or null for the process environment.</param>
public sealed class PostgresSourceCheck(PostgresSourceConfig config, Func<string, string?>? environment = null)
{
    /// <summary>Checks every entity's mapping against the replica.</summary>
    /// <exception cref="Analytics.Pipelines.Sources.SourceException">The replica cannot be reached or signed in to.</exception>
    public PostgresSourceCheckReport Run()
    {
        var replica = PostgresSource.Connect(config, environment ?? Environment.GetEnvironmentVariable);
        using var snapshot = new ReplicaSnapshot(replica, config.StatementTimeout);
        var entities = new List<PostgresEntityCheck>();
        foreach (var entity in CrmSchema.Entities)
        {
            var query = new EntityQuery(entity, config.For(entity.Name));
            var (columns, error) = snapshot.Describe(query);
            if (error is not null)
            {
                entities.Add(new PostgresEntityCheck(entity.Name, query.Mapping.Origin, [], [], null, [error]));
                continue;
            }

            var shape = query.Check(columns!);
            var (count, countError) = shape.Problems.Count == 0 ? snapshot.Count(query) : (null, null);
            entities.Add(new PostgresEntityCheck(entity.Name, query.Mapping.Origin, shape.Columns.Select(c => $"{c.Name} {c.TypeName}").ToList(),
                shape.Ignored, count, countError is null ? shape.Problems : [.. shape.Problems, countError]));
        }

        return new PostgresSourceCheckReport($"postgres ({replica.Description})", snapshot.ServerVersion, entities);
    }
}
