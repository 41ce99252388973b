using System.Globalization;
using Analytics.Orchestration.Jobs;
using Analytics.Pipelines.Configuration;
using Quartz;
using Analytics.Orchestration.Configuration;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The pipeline's Quartz scheduler: one durable job per entry of pipeline.yaml <c>schedules:</c>, each with a cron
/// trigger in the configured time zone whose misfire policy is "fire once now": a scheduler that was down for three
/// nights runs the nightly job once on start-up, not three times. The store (in memory or PostgreSQL) is chosen by the
/// caller. Firings are handed to a launcher, which runs them as recorded runs.
/// </summary>
public sealed class PipelineScheduler : IAsyncDisposable
{
    /// <summary>The Quartz group of the pipeline's jobs and triggers.</summary>
    public const string Group = "analytics";

    private readonly ISchedulerFactory _factory;
    private readonly Func<ScheduledFiring, CancellationToken, Task> _launch;
    private readonly List<(string Job, DateTimeOffset Due)> _missed = [];

    private PipelineScheduler(ISchedulerFactory factory, IScheduler scheduler, TimeZoneInfo timeZone, Func<ScheduledFiring, CancellationToken, Task> launch)
    {
        _factory = factory;
        Quartz = scheduler;
        TimeZone = timeZone;
        _launch = launch;
    }

    /// <summary>The Quartz scheduler underneath.</summary>
    public IScheduler Quartz { get; }

    /// <summary>The time zone of the schedules (a firing's date is its scheduled time's date there).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// Builds the scheduler (not started) and registers <paramref name="schedules"/>: a job whose stored trigger has the
    /// same expression and zone is left as it is (a persistent store keeps its next and missed firings); a changed one is
    /// replaced; a job no longer scheduled is removed. With an in-memory store, <paramref name="lastRuns"/> (the last
    /// recorded start of each job) tells which jobs missed a firing while no scheduler ran: each runs once on start.
    /// </summary>
    /// <param name="schedules">pipeline.yaml schedules:.</param>
    /// <param name="configureStore">Chooses the job store (and clustering) on the Quartz builder.</param>
    /// <param name="launch">Runs a firing; exceptions are logged by Quartz, so it should record its own failures.</param>
    /// <param name="clock">The scheduler's clock (tests drive a manual one).</param>
    /// <param name="lastRuns">The last recorded start of each job, for the in-memory store; null: none.</param>
    /// <param name="ct">Cancels the set-up.</param>
    public static async Task<PipelineScheduler> CreateAsync(SchedulesConfig schedules, Action<IQuartzBuilder> configureStore,
        Func<ScheduledFiring, CancellationToken, Task> launch, TimeProvider clock, IReadOnlyDictionary<string, DateTimeOffset>? lastRuns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(configureStore);
        var triggers = schedules.Jobs.Select(s => (Schedule: s, Expression: Parse(s, schedules.TimeZone))).ToList();
        var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.UseTimeProvider(clock);
            q.AddJobType<PipelineQuartzJob>(); // a restarted node loads the stored job by its type
            configureStore(q);
        }).Build();
        var quartz = await factory.GetScheduler(ct);
        var scheduler = new PipelineScheduler(factory, quartz, schedules.TimeZone, launch);
        quartz.Context[PipelineQuartzJob.LauncherKey] = scheduler;

        var persistent = (await quartz.GetMetadata(ct)).JobStorePersistent;
        foreach (var (schedule, _) in triggers)
        {
            var jobKey = new JobKey(schedule.Job, Group);
            var triggerKey = new TriggerKey(schedule.Job + "-cron", Group);
            var existing = await quartz.GetTrigger(triggerKey, ct) as ICronTrigger;
            if (existing is not null && existing.CronExpressionString == schedule.Cron && existing.TimeZone?.Id == schedules.TimeZone.Id)
            {
                continue;
            }

            var job = JobBuilder.Create<PipelineQuartzJob>().WithIdentity(jobKey).UsingJobData(PipelineQuartzJob.JobKey, schedule.Job)
                .WithDescription($"analytics {schedule.Job}: {string.Join(", ", JobCatalog.StepNames(schedule.Job))}").StoreDurably().Build();
            var builder = TriggerBuilder.Create(clock).WithIdentity(triggerKey).ForJob(jobKey)
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(schedules.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
            await quartz.ScheduleJob(job, builder.Build(), new ScheduleJobOptions { Replace = true }, ct);
        }

        // An in-memory store forgets firings missed while no scheduler ran; the run history remembers. A job whose last
        // recorded run is older than its latest due firing runs once on start-up (a persistent store does this itself).
        foreach (var (schedule, expression) in triggers)
        {
            var now = clock.GetUtcNow();
            if (!persistent && lastRuns is not null && lastRuns.TryGetValue(schedule.Job, out var last)
                && expression.GetPreviousValidTimeBefore(now) is { } due && last < due)
            {
                scheduler._missed.Add((schedule.Job, due));
            }
        }

        var wanted = triggers.Select(t => t.Schedule.Job).ToHashSet(StringComparer.Ordinal);
        foreach (var job in JobCatalog.Scheduled.Where(j => !wanted.Contains(j)))
        {
            await quartz.DeleteJob(new JobKey(job, Group), ct);
        }

        return scheduler;
    }

    /// <summary>Starts firing.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await Quartz.Start(ct);
        foreach (var (job, due) in _missed)
        {
            await Quartz.TriggerJob(new JobKey(job, Group), new JobDataMap { [PipelineQuartzJob.MissedKey] = due.ToString("O", CultureInfo.InvariantCulture) }, ct);
        }

        _missed.Clear();
    }

    /// <summary>Each scheduled job and its next firing, soonest first.</summary>
    public async Task<IReadOnlyList<NextFiring>> NextFiringsAsync(CancellationToken ct = default)
    {
        var firings = new List<NextFiring>();
        foreach (var job in JobCatalog.Scheduled)
        {
            if (await Quartz.GetTrigger(new TriggerKey(job + "-cron", Group), ct) is ICronTrigger trigger)
            {
                firings.Add(new NextFiring(job, trigger.CronExpressionString!, trigger.TimeZone.Id, trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc));
            }
        }

        return firings.OrderBy(f => f.Next ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>The next firing of each of <paramref name="schedules"/> after <paramref name="after"/>, without a store.</summary>
    public static IReadOnlyList<NextFiring> Preview(SchedulesConfig schedules, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return schedules.Jobs.Select(s => new NextFiring(s.Job, s.Cron, schedules.TimeZone.Id, Parse(s, schedules.TimeZone).GetNextValidTimeAfter(after), null))
            .OrderBy(f => f.Next ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>Stops firing; with <paramref name="waitForRunning"/>, waits for running jobs (which stop after their current step).</summary>
    public Task StopAsync(bool waitForRunning, CancellationToken ct = default) => Quartz.Shutdown(waitForRunning, ct).AsTask();

    internal Task LaunchAsync(ScheduledFiring firing, CancellationToken ct) => _launch(firing, ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Quartz.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
        {
            await Quartz.Shutdown(false);
        }

        if (_factory is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private static CronExpression Parse(ScheduleConfig schedule, TimeZoneInfo zone)
    {
        try
        {
            return CronExpression.Parse(schedule.Cron).WithTimeZone(zone);
        }
        catch (FormatException e)
        {
            throw new ConfigurationException($"{schedule.Where} '{schedule.Cron}' is not a Quartz cron expression: {e.Message} "
                + "(six or seven fields: seconds minutes hours day-of-month month day-of-week [year]; e.g. \"0 30 2 * * ?\" is 02:30 every day).");
        }
    }
}
