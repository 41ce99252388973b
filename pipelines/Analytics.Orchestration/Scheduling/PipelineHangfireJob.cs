using System.ComponentModel;
using Hangfire;
using Hangfire.Server;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The Hangfire job of every schedule: hands the firing to the <see cref="PipelineScheduler"/> of the server that
/// fetched it. Never runs beside itself on any server sharing the store (a distributed lock; a firing due while the job
/// runs waits for it), and Hangfire never retries it: a step's retries are ours (scheduler.step_retry), and a failed run
/// is recorded and alerted by the run itself.
/// </summary>
public sealed class PipelineHangfireJob(PipelineScheduler scheduler)
{
    /// <summary>How long a firing waits for the same job still running elsewhere before it gives up (and is listed as failed).</summary>
    public const int ConcurrencyWaitSeconds = 12 * 60 * 60;

    /// <summary>Runs the firing of <paramref name="job"/>.</summary>
    /// <param name="job">nightly, weekly or quarterly.</param>
    /// <param name="context">Supplied by Hangfire (null here).</param>
    /// <param name="ct">Supplied by Hangfire: cancelled when the server stops.</param>
    [DisplayName("analytics {0}")]
    [DisableConcurrentExecution(ConcurrencyWaitSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(string job, PerformContext? context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = context.GetJobParameter<long?>("Time") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        var recurring = context.GetJobParameter<string?>("RecurringJobId");
        return scheduler.LaunchAsync(job, context.BackgroundJob.Id, recurring, scheduled, ct);
    }
}
