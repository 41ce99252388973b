using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Sources.Files;
using Analytics.Sources.Postgres.Configuration;
using Analytics.Sources.Postgres.Reading;

namespace Analytics.Sources.Postgres;

/// <summary>
/// The PostgreSQL source: an in-house CRM's read replica, each canonical entity read by SQL (a table with a column map,
/// or a query). Every entity is read in one <c>REPEATABLE READ READ ONLY</c> transaction, so the snapshot is consistent
/// across tables whatever commits during the read; every entity's columns and types are checked against the canonical
/// schema before any row is read; rows stream ordered by primary key through the file drop's validation and quarantine.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="maxTextLength">The longest text a field may hold (the file drop's limit).</param>
/// <param name="environment">Reads environment variables (the connection string), or null for the process environment.</param>
public sealed class PostgresSource(PostgresSourceConfig config, int maxTextLength, Func<string, string?>? environment = null) : ICrmSource
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <inheritdoc />
    /// <remarks><c>postgres (replica.internal:5432/crm as analytics)</c>: never the password.</remarks>
    public string Description => Describe(config, _environment);

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">pipeline.yaml has no complete <c>source.postgres</c> section.</exception>
    public void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(staging);
        using var snapshot = new ReplicaSnapshot(Connect(config, _environment), config.StatementTimeout);
        var queries = CrmSchema.Entities.Select(e => new EntityQuery(e, config.For(e.Name))).ToList();
        progress?.Report($"checking the columns of {queries.Count} entities");
        var shapes = Shapes(snapshot, queries);
        var loader = new CanonicalRowLoader(null, null, maxTextLength);
        foreach (var query in queries)
        {
            progress?.Report($"reading {query.Name}");
            var shape = shapes[query.Entity.Name];
            var read = loader.Load(query.Entity, $"postgres {query.Mapping.Origin}", shape.Columns.Select(c => c.Name).ToList(), snapshot.Rows(query, shape), staging);
            if (read != staging.Landed(query.Entity.Name) + staging.Quarantined(query.Entity.Name))
            {
                throw new InvalidOperationException($"postgres {query.Entity.Name}: read {read} rows but staged {staging.Landed(query.Entity.Name)} and quarantined {staging.Quarantined(query.Entity.Name)}; this is a bug.");
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>A replica holds only the present: no earlier date can be read, so a backfill lands only the run's own date.</remarks>
    public IReadOnlyList<DateOnly>? HistoryDates(DateOnly first, DateOnly last) => [];

    /// <summary>Each entity's shape, or one error listing every entity whose query cannot be read as mapped.</summary>
    /// <exception cref="SourceException">A query fails to describe, lacks a required column, or has a column of the wrong type.</exception>
    private static Dictionary<string, EntityShape> Shapes(ReplicaSnapshot snapshot, IReadOnlyList<EntityQuery> queries)
    {
        var shapes = new Dictionary<string, EntityShape>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var query in queries)
        {
            var (columns, error) = snapshot.Describe(query);
            if (error is not null)
            {
                problems.Add(error);
                continue;
            }

            var shape = query.Check(columns!);
            problems.AddRange(shape.Problems);
            shapes[query.Entity.Name] = shape;
        }

        if (problems.Count > 0)
        {
            throw new SourceException(
                $"postgres: the mapping cannot be read as the canonical schema needs ({problems.Count} problem(s)); nothing was landed:\n  "
                + string.Join("\n  ", problems));
        }

        return shapes;
    }

    /// <summary>The replica's connection from the configured variable.</summary>
    /// <exception cref="ConfigurationException">There is no complete <c>source.postgres</c> section.</exception>
    internal static ReplicaConnection Connect(PostgresSourceConfig config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.ConnectionStringVariable is null || config.Entities.Count == 0)
        {
            throw new ConfigurationException("source.kind is postgres, but pipeline.yaml has no source.postgres section with connection_string_variable and entities; "
                + "see README, \"Connect an in-house CRM on PostgreSQL\".");
        }

        return ReplicaConnection.FromEnvironment(config.ConnectionStringVariable, environment);
    }

    /// <summary><c>postgres (host:port/database as user)</c>, or what keeps it from being known; never the password.</summary>
    internal static string Describe(PostgresSourceConfig config, Func<string, string?> environment)
    {
        try
        {
            return $"postgres ({Connect(config, environment).Description})";
        }
        catch (Exception e) when (e is SourceException or ConfigurationException)
        {
            return $"postgres (connection string in {config.ConnectionStringVariable ?? "an unnamed variable"})";
        }
    }
}
