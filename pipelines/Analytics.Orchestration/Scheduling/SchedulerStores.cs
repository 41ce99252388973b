using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The Hangfire storage pipeline.yaml <c>scheduler:</c> describes: in memory (the default), or PostgreSQL (schema
/// <c>hangfire</c>, made by Hangfire's own installer on first use), shared by every <c>serve</c> process.
/// </summary>
public static class SchedulerStores
{
    /// <summary>The schema Hangfire's tables live in on PostgreSQL.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>The storage of <paramref name="config"/>; throws <see cref="ConfigurationException"/> when the postgres store's variable is not set.</summary>
    public static JobStorage Create(PipelineConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Scheduler.Store == SchedulerStoreKind.Postgres ? Postgres(ConnectionString(config), TimeSpan.FromSeconds(5)) : Memory();
    }

    /// <summary>An in-memory storage: nothing survives the process but pipeline.yaml's schedules are registered again.</summary>
    public static JobStorage Memory() => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });

    /// <summary>
    /// A PostgreSQL storage on <paramref name="connectionString"/>, its schema made or upgraded if needed; every server
    /// on the same database shares the schedule, each firing runs on one of them.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="queuePoll">How often an idle server asks the queue for work.</param>
    /// <exception cref="SchedulerStoreException">The database cannot be reached or prepared; the message names host and database, never the password.</exception>
    public static JobStorage Postgres(string connectionString, TimeSpan queuePoll)
    {
        var target = DescribeTarget(connectionString);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = queuePoll,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        try
        {
            using (var probe = new NpgsqlConnection(connectionString))
            {
                probe.Open(); // Hangfire would only log an unreachable server and retry; say it at once
            }

            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            throw new SchedulerStoreException($"Could not open the Hangfire store in {target}: {Cause(ex)}", ex);
        }
    }

    /// <summary>The PostgreSQL connection string from scheduler.postgres.connection_string_variable.</summary>
    public static string ConnectionString(PipelineConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var variable = config.Scheduler.ConnectionStringVariable
            ?? throw new ConfigurationException($"{config.File}: scheduler.postgres.connection_string_variable must name the environment variable holding the PostgreSQL connection string.");
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new ConfigurationException($"scheduler.postgres.connection_string_variable names {variable}, which is not set: "
                + $"set it to an Npgsql connection string, e.g. {variable}='Host=db;Database=analytics;Username=analytics;Password=...'.");
    }

    /// <summary>"database 'x' on host h:port", read from the connection string without its password.</summary>
    internal static string DescribeTarget(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new SchedulerStoreException($"The scheduler store's PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        return $"database '{parsed.Database ?? parsed.Username ?? "(default)"}' on host {parsed.Host ?? "(default)"}:{parsed.Port}";
    }

    // The driver's message and those of its inner exceptions, none of which carries the connection string.
    private static string Cause(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(": ", messages);
    }
}
