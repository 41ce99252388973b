using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary><c>scheduler:</c>, the Hangfire storage and the retry of failed steps.</summary>
/// <param name="Store">memory (the default; a restart re-reads schedules: from this file) or postgres.</param>
/// <param name="ConnectionStringVariable">With postgres: the environment variable holding the Npgsql connection string.</param>
/// <param name="InstanceId">This node's id in a cluster (null: host name and process id).</param>
/// <param name="StepRetry">Retries of a failed step, with exponential backoff.</param>
public sealed record SchedulerConfig(SchedulerStoreKind Store, string? ConnectionStringVariable, string? InstanceId, RetryConfig StepRetry);

/// <summary>Where Hangfire keeps its schedule.</summary>
public enum SchedulerStoreKind
{
    /// <summary>In the process: nothing survives a restart but pipeline.yaml's schedules: are registered again.</summary>
    Memory,

    /// <summary>A PostgreSQL database (schema <c>hangfire</c>, made by Hangfire on first use or by <c>analytics scheduler init</c>), shared by every <c>serve</c> process.</summary>
    Postgres,
}
