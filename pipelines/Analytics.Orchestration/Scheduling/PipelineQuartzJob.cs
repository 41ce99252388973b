using System.Globalization;
using Quartz;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The Quartz job of every schedule: hands the firing to the launcher kept in the scheduler's context. Never runs
/// beside itself: a firing due while the same job still runs waits for it (and a clustered store gives a firing to one
/// node only).
/// </summary>
[DisallowConcurrentExecution]
public sealed class PipelineQuartzJob : IJob
{
    /// <summary>The job-data key naming the pipeline job (nightly, weekly, quarterly).</summary>
    public const string JobKey = "pipeline-job";

    /// <summary>The job-data key of a catch-up firing: the missed firing's due time (round-trip format).</summary>
    public const string MissedKey = "missed-firing";

    /// <summary>The scheduler-context key of the launcher.</summary>
    public const string LauncherKey = "analytics-launcher";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var launcher = (PipelineScheduler)context.Scheduler.Context[LauncherKey]!;
        var job = context.MergedJobDataMap.GetString(JobKey) ?? context.JobDetail.Key.Name;
        var missed = context.MergedJobDataMap.GetString(MissedKey);
        var scheduled = missed is not null
            ? DateTimeOffset.Parse(missed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var trigger = missed is not null ? $"{job}-cron, missed while no scheduler ran" : context.Trigger.Key.Name;
        var firing = new ScheduledFiring(job, trigger, scheduled, context.FireTimeUtc,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scheduled, launcher.TimeZone).DateTime), context.Scheduler.SchedulerInstanceId);
        await launcher.LaunchAsync(firing, ct);
    }
}
