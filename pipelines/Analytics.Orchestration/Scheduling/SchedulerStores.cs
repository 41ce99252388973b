using Analytics.Pipelines.Configuration;
using Analytics.Orchestration.Configuration;

namespace Analytics.Orchestration.Scheduling;

/// <summary>The Quartz store settings pipeline.yaml <c>scheduler:</c> describes, with the connection string read from its variable.</summary>
public static class SchedulerStores
{
    /// <summary>The settings; throws <see cref="ConfigurationException"/> when the postgres store's variable is not set.</summary>
    public static SchedulerStoreSettings Settings(PipelineConfig config) => new(
        config.Scheduler.Store == SchedulerStoreKind.Postgres ? ConnectionString(config) : null,
        "analytics", config.Scheduler.InstanceId, TimeSpan.FromSeconds(15));

    /// <summary>The PostgreSQL connection string from scheduler.postgres.connection_string_variable.</summary>
    public static string ConnectionString(PipelineConfig config)
    {
        var variable = config.Scheduler.ConnectionStringVariable
            ?? throw new ConfigurationException($"{config.File}: scheduler.postgres.connection_string_variable must name the environment variable holding the PostgreSQL connection string.");
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new ConfigurationException($"scheduler.postgres.connection_string_variable names {variable}, which is not set: "
                + $"set it to an Npgsql connection string, e.g. {variable}='Host=db;Database=analytics;Username=analytics;Password=...'.");
    }
}
