namespace Analytics.Orchestration.Scheduling;

/// <summary>Where and as whom the Quartz scheduler keeps its schedule; read by <see cref="QuartzStore.Configure"/>.</summary>
/// <param name="PostgresConnectionString">
/// The Npgsql connection string of the database holding the <c>qrtz_</c> tables (see <see cref="QuartzSchema"/>), or
/// <see langword="null"/> to keep the schedule in memory, where it is lost when the process stops.
/// </param>
/// <param name="SchedulerName">
/// The scheduler's name. Every node of one cluster uses the same name; different names share a database without
/// seeing each other's jobs.
/// </param>
/// <param name="InstanceId">
/// This node's id within the cluster, or <see langword="null"/> for one generated per process (host, process id and a
/// random suffix).
/// </param>
/// <param name="ClusterCheckin">How often a clustered node records that it is alive; unused in memory.</param>
public sealed record SchedulerStoreSettings(
    string? PostgresConnectionString,
    string SchedulerName,
    string? InstanceId,
    TimeSpan ClusterCheckin);
