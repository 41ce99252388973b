using System.Security.Cryptography;
using Quartz;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// Chooses where a Quartz scheduler keeps its schedule: in memory, or in PostgreSQL as one node of a cluster that
/// shares the schedule and fires each trigger once across all nodes.
/// </summary>
public static class QuartzStore
{
    /// <summary>
    /// How late a trigger may fire before it counts as misfired and its misfire instruction applies. Long enough to
    /// ride out a restart or a slow database without skipping a night's run.
    /// </summary>
    public static TimeSpan MisfireThreshold { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Configures the scheduler's name, instance id and job store from <paramref name="settings"/>. With a connection
    /// string: the PostgreSQL store with the <c>qrtz_</c> tables, validated (never created) at startup, so
    /// <see cref="QuartzSchema.CreateAsync"/> must have run; clustering on; job data kept as strings, so nothing but
    /// Quartz's own JSON serializer is needed. Without one: the in-memory store.
    /// </summary>
    /// <param name="q">The scheduler being built, e.g. inside <c>QuartzSchedulerBuilder.Create</c>.</param>
    /// <param name="settings">Store, scheduler name, instance id and check-in interval.</param>
    /// <exception cref="ArgumentException">A setting is blank or out of range; the message names it.</exception>
    public static void Configure(IQuartzBuilder q, SchedulerStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);

        var instanceId = settings.InstanceId ?? GenerateInstanceId();
        q.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = settings.SchedulerName;
            scheduler.InstanceId = instanceId;
        });

        if (settings.PostgresConnectionString is not { } connectionString)
        {
            q.UseInMemoryStore(store => store.MisfireThreshold = MisfireThreshold);
            return;
        }

        q.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(cluster => cluster.CheckinInterval = settings.ClusterCheckin);
            store.ConfigureStore(options =>
            {
                options.TablePrefix = QuartzSchema.TablePrefix;
                options.SchemaProvisioning = SchemaProvisioning.Validate;
                options.StoreJobDataAsStrings = true;
                options.MisfireThreshold = MisfireThreshold;
            });
        });
    }

    private static void Validate(SchedulerStoreSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SchedulerName))
        {
            throw new ArgumentException("SchedulerName must not be blank.", nameof(settings));
        }

        if (settings.InstanceId is not null && string.IsNullOrWhiteSpace(settings.InstanceId))
        {
            throw new ArgumentException("InstanceId must be null (generate one) or not blank.", nameof(settings));
        }

        if (settings.PostgresConnectionString is not null && string.IsNullOrWhiteSpace(settings.PostgresConnectionString))
        {
            throw new ArgumentException("PostgresConnectionString must be null (in memory) or not blank.", nameof(settings));
        }

        if (settings.PostgresConnectionString is not null && settings.ClusterCheckin <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"ClusterCheckin must be greater than zero for the PostgreSQL store; it was {settings.ClusterCheckin}.",
                nameof(settings));
        }
    }

    // Host and process id say which process a row of qrtz_scheduler_state belongs to; the random part keeps two
    // schedulers of one process (or a restarted process that reused its id) apart.
    private static string GenerateInstanceId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
}
