using Analytics.Orchestration.Stages;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.Orchestration.Configuration;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// Runs a plan as a recorded run: one run at a time (the run lock), steps retried per scheduler.step_retry, the record
/// in paths.runs, then <see cref="RunFinisher"/> (the alert when it failed, the bookkeeping step). The same for
/// <c>analytics run</c>, <c>analytics backfill</c> and every scheduled firing.
/// </summary>
public static class RunSession
{
    /// <summary>Executes <paramref name="plan"/>; returns the finished run, or null when another run holds the lock (said on <paramref name="console"/>).</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="plan">The run.</param>
    /// <param name="clock">Stamps and the waits between attempts.</param>
    /// <param name="console">Told of every change of the run.</param>
    /// <param name="waitForLock">Wait for a run in progress (scheduled runs) rather than refuse (commands).</param>
    /// <param name="stop">Stops the run after its current step.</param>
    public static async Task<RunRecord?> ExecuteAsync(PipelineConfig config, RunPlan plan, TimeProvider clock, IStageConsole console, bool waitForLock, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(console);
        var holder = $"{plan.Job} run on {Environment.MachineName}, pid {Environment.ProcessId}, since {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC";
        RunLock? runLock;
        if (waitForLock)
        {
            runLock = await RunLock.AcquireAsync(config.Paths.Runs, holder, TimeSpan.FromSeconds(5), console.Warning, stop);
        }
        else
        {
            runLock = RunLock.TryAcquire(config.Paths.Runs, holder, out var heldBy);
            if (runLock is null)
            {
                console.Error($"another run is in progress ({heldBy}); this one did nothing. See `analytics status`.");
                return null;
            }
        }

        using (runLock)
        {
            var history = new RunHistory(config.Paths.Runs);
            var executor = new RunExecutor(clock, history, RetryPolicy.From(config.Scheduler.StepRetry));
            var described = false;
            executor.Changed += (run, message) =>
            {
                if (!described && run.Outcome == RunOutcome.Running)
                {
                    // The run id exists only once the executor starts; a run refused meanwhile still sees the pid.
                    runLock.Describe($"{plan.Job} run {run.RunId} on {Environment.MachineName}, pid {Environment.ProcessId}, since {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC");
                    described = true;
                }

                console.RunChanged(message);
            };
            var finished = await executor.ExecuteAsync(plan, stop);
            await RunFinisher.FinishAsync(config, finished, console.Detail, CancellationToken.None);
            return finished;
        }
    }
}
