using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The pipeline's Hangfire schedule and server: one recurring job per entry of pipeline.yaml <c>schedules:</c>, with its
/// cron in the configured time zone and Hangfire's relaxed misfire handling (a server that was down for three nights
/// runs the nightly job once, not three times). The storage (in memory or PostgreSQL) is chosen by the caller; several
/// servers on one PostgreSQL storage share the schedule and each firing runs on one of them. Firings are handed to a
/// launcher, which runs them as recorded runs.
/// </summary>
public sealed class PipelineScheduler : IDisposable
{
    private readonly SchedulesConfig _schedules;
    private readonly Func<ScheduledFiring, CancellationToken, Task> _launch;
    private readonly SchedulerServerOptions _options;
    private readonly List<string> _missed = [];
    private BackgroundJobServer? _server;
    private int _running;

    private PipelineScheduler(SchedulesConfig schedules, JobStorage storage, Func<ScheduledFiring, CancellationToken, Task> launch, SchedulerServerOptions options)
    {
        _schedules = schedules;
        Storage = storage;
        _launch = launch;
        _options = options;
        ServerName = options.ServerName ?? $"{Environment.MachineName}-{Environment.ProcessId}";
    }

    /// <summary>The Hangfire storage (the dashboard reads it).</summary>
    public JobStorage Storage { get; }

    /// <summary>This server's name (scheduler.instance_id, or host and process id).</summary>
    public string ServerName { get; }

    /// <summary>The time zone of the schedules (a firing's date is its due time's date there).</summary>
    public TimeZoneInfo TimeZone => _schedules.TimeZone;

    /// <summary>How many firings this server is running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>
    /// Registers <paramref name="schedules"/> on <paramref name="storage"/> (not started): a job whose stored cron and zone
    /// are unchanged keeps its next and missed firings; a job no longer scheduled is removed. With an in-memory storage,
    /// <paramref name="lastRuns"/> (the last recorded start of each job) tells which jobs missed a firing while no
    /// server ran: each runs once on start (a PostgreSQL storage remembers this itself).
    /// </summary>
    public static PipelineScheduler Create(SchedulesConfig schedules, JobStorage storage, Func<ScheduledFiring, CancellationToken, Task> launch,
        SchedulerServerOptions options, IReadOnlyDictionary<string, DateTimeOffset>? lastRuns = null)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(options);
        var scheduler = new PipelineScheduler(schedules, storage, launch, options);
        var manager = new RecurringJobManager(storage);
        var stored = NextFirings(storage).ToDictionary(f => f.Job, StringComparer.Ordinal);
        foreach (var schedule in schedules.Jobs)
        {
            if (stored.TryGetValue(schedule.Job, out var existing) && existing.Cron == schedule.Cron && existing.TimeZone == schedules.TimeZone.Id)
            {
                continue; // unchanged: keep its stored next (possibly missed) firing
            }

            var job = Job.FromExpression<PipelineHangfireJob>(j => j.RunAsync(schedule.Job, null, CancellationToken.None));
            manager.AddOrUpdate(schedule.Job, job, schedule.Cron, new RecurringJobOptions { TimeZone = schedules.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
        }

        var wanted = schedules.Jobs.Select(s => s.Job).ToHashSet(StringComparer.Ordinal);
        foreach (var job in JobCatalog.Scheduled.Where(j => !wanted.Contains(j)))
        {
            manager.RemoveIfExists(job);
        }

        // An in-memory storage forgets firings missed while no server ran; the run history remembers.
        var now = DateTimeOffset.UtcNow;
        foreach (var schedule in schedules.Jobs)
        {
            if (storage is InMemoryStorage && lastRuns is not null && lastRuns.TryGetValue(schedule.Job, out var last)
                && PipelineCron.Latest(schedule.Cron, schedules.TimeZone, now) is { } due && last < due)
            {
                scheduler._missed.Add(schedule.Job);
            }
        }

        return scheduler;
    }

    /// <summary>Starts this server: it fires due jobs and runs firings (its own or other servers') from the queue.</summary>
    public void Start()
    {
        if (_server is not null)
        {
            return;
        }

        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = ServerName,
            WorkerCount = JobCatalog.Scheduled.Count + 1, // a firing waiting for the same job still running holds a worker
            SchedulePollingInterval = _options.SchedulePolling,
            ServerCheckInterval = TimeSpan.FromMinutes(1),
            ShutdownTimeout = TimeSpan.FromHours(6), // a stopping run ends after its current step
            Activator = new Activator(this),
        }, Storage);
        var manager = new RecurringJobManager(Storage);
        foreach (var job in _missed)
        {
            manager.Trigger(job);
        }

        _missed.Clear();
    }

    /// <summary>Each scheduled job and its next firing, soonest first, as the storage holds them.</summary>
    public IReadOnlyList<NextFiring> NextFirings() => NextFirings(Storage);

    /// <summary>Each recurring job of <paramref name="storage"/> and its next firing, soonest first.</summary>
    public static IReadOnlyList<NextFiring> NextFirings(JobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs()
            .Select(j => new NextFiring(j.Id, j.Cron, j.TimeZoneId ?? "UTC", Utc(j.NextExecution), Utc(j.LastExecution)))
            .OrderBy(f => f.Next ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>The next firing of each of <paramref name="schedules"/> after <paramref name="after"/>, without a store.</summary>
    public static IReadOnlyList<NextFiring> Preview(SchedulesConfig schedules, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return schedules.Jobs.Select(s => new NextFiring(s.Job, s.Cron, schedules.TimeZone.Id, PipelineCron.Next(s.Cron, schedules.TimeZone, after), null))
            .OrderBy(f => f.Next ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>Stops firing and waits for this server's running firings, which stop after their current step.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_server is null)
        {
            return;
        }

        _server.SendStop();
        await _server.WaitForShutdownAsync(ct);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }

    internal async Task LaunchAsync(string job, string backgroundJobId, string? recurringJobId, DateTimeOffset? scheduled, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var schedule = _schedules.Jobs.FirstOrDefault(s => s.Job == job);
        var reference = scheduled ?? started;
        var due = schedule is null ? reference : PipelineCron.Latest(schedule.Cron, _schedules.TimeZone, reference) ?? reference;
        var trigger = recurringJobId is null || schedule is null ? $"{job}, triggered" : $"{job} cron '{schedule.Cron}'";
        var firing = new ScheduledFiring(job, trigger, due, started, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, _schedules.TimeZone).DateTime), ServerName, backgroundJobId);
        Interlocked.Increment(ref _running);
        try
        {
            await _launch(firing, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private sealed class Activator(PipelineScheduler scheduler) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(PipelineHangfireJob) ? new PipelineHangfireJob(scheduler) : base.ActivateJob(jobType);
    }
}

/// <summary>How a <see cref="PipelineScheduler"/>'s server runs.</summary>
/// <param name="ServerName">Its name among the servers of one storage (null: host name and process id).</param>
/// <param name="SchedulePolling">How often it looks for due recurring jobs (Hangfire's default is 15 s; tests use less).</param>
public sealed record SchedulerServerOptions(string? ServerName, TimeSpan SchedulePolling)
{
    /// <summary>serve's: the configured instance id, due jobs looked for every 5 seconds.</summary>
    public static SchedulerServerOptions Serve(string? instanceId) => new(instanceId, TimeSpan.FromSeconds(5));
}
