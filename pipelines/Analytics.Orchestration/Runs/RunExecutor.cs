using Analytics.Pipelines.Diagnostics;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Resilience;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// Executes a <see cref="RunPlan"/>: its steps in order, each retried with backoff (<see cref="RetryPolicy"/>'s Polly
/// pipeline, waiting on the executor's clock) unless its failure is permanent; the steps after a failed one are skipped. The run is saved to the history before the first
/// step and after every step, so a run killed at any moment leaves a record of how far it got. A storage failure
/// (<see cref="StorageFailure"/>: the disk full, a DuckDB I/O error, an invalidated database) is permanent, whatever the step. A stop request
/// (<c>stop</c> signalled) lets the running step finish, then cancels the rest.
/// </summary>
public sealed class RunExecutor
{
    private readonly TimeProvider _clock;
    private readonly RunHistory _history;
    private readonly RetryPolicy _retry;

    /// <summary>An executor recording into <paramref name="history"/>; stamps and the waits between attempts are on <paramref name="clock"/>.</summary>
    public RunExecutor(TimeProvider clock, RunHistory history, RetryPolicy retry)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _retry = retry ?? throw new ArgumentNullException(nameof(retry));
    }

    /// <summary>The run's log beside its run.json: every line <see cref="Changed"/> is told, stamped in UTC.</summary>
    public const string LogFileName = "run.log";

    /// <summary>Told of every change: an earlier run found interrupted, a step starting, retrying, ending; the run ending.</summary>
    public event Action<RunRecord, string>? Changed;

    /// <summary>Runs <paramref name="plan"/>; returns the finished record (also saved in the history).</summary>
    public async Task<RunRecord> ExecuteAsync(RunPlan plan, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var interrupted in _history.MarkInterrupted())
        {
            Tell(interrupted, $"run {interrupted.RunId} ({interrupted.Job}) was interrupted: {interrupted.Error}; this run redoes its work");
        }

        var startedAt = _clock.GetUtcNow();
        var steps = plan.Steps.Select((s, i) => new StepRecord(s.Name, i + 1, StepOutcome.Pending)).ToList();
        var run = new RunRecord(RunId.New(startedAt.UtcDateTime), plan.Job, plan.Trigger, plan.Date, Environment.MachineName, Environment.ProcessId,
            startedAt, null, RunOutcome.Running, null, steps);
        Save(run, $"run {run.RunId} ({plan.Job}, {plan.Trigger}) started: {string.Join(" → ", plan.Steps.Select(s => s.Name))}");

        for (var i = 0; i < plan.Steps.Count; i++)
        {
            if (stop.IsCancellationRequested)
            {
                steps[i] = steps[i] with { Outcome = StepOutcome.Cancelled };
                continue;
            }

            if (run.Outcome == RunOutcome.Failed)
            {
                steps[i] = steps[i] with { Outcome = StepOutcome.Skipped };
                continue;
            }

            steps[i] = await RunStepAsync(run, steps, i, plan.Steps[i], stop);
            var done = steps[i];
            if (done.Outcome == StepOutcome.Failed)
            {
                run = run with { Outcome = RunOutcome.Failed, Error = $"{done.Step} failed: {done.Error}" };
            }

            Save(run with { Steps = steps.ToList() }, done.Outcome == StepOutcome.Failed
                ? $"{done.Step} failed after {done.Attempts} attempt(s): {done.Error}"
                : $"{done.Step} done in {done.DurationMs / 1000.0:0.0} s: {done.Summary}");
        }

        var outcome = run.Outcome == RunOutcome.Failed ? RunOutcome.Failed
            : steps.Any(s => s.Outcome == StepOutcome.Cancelled) ? RunOutcome.Cancelled
            : RunOutcome.Succeeded;
        run = run with
        {
            Outcome = outcome,
            FinishedAt = _clock.GetUtcNow(),
            Error = outcome == RunOutcome.Cancelled ? "stopped on request before " + steps.First(s => s.Outcome == StepOutcome.Cancelled).Step : run.Error,
            Steps = steps.ToList(),
        };
        Save(run, $"run {run.RunId} {outcome.ToString().ToLowerInvariant()} in {run.DurationMs / 1000.0:0.0} s" + (run.Error is null ? string.Empty : ": " + run.Error));
        return run;
    }

    private async Task<StepRecord> RunStepAsync(RunRecord run, List<StepRecord> steps, int index, PipelineStep step, CancellationToken stop)
    {
        var record = steps[index] with { Outcome = StepOutcome.Running, StartedAt = _clock.GetUtcNow() };
        var attempt = 0;
        var retries = _retry.ToPipeline<StepAttempt>(_clock,
            retryWhen: tried => tried.Failure is { Permanent: false } && !stop.IsCancellationRequested,
            onRetry: retry => Tell(run with { Steps = steps.ToList() },
                $"{step.Name} failed (attempt {retry.FailedAttempt} of {retry.MaxAttempts}): {retry.Result.Failure!.Message}; retrying in {retry.Delay.TotalSeconds:0.#} s"));
        StepAttempt last = default;
        try
        {
            // A stop request cancels the wait before a retry, never a running attempt.
            last = await retries.ExecuteAsync(
                async _ =>
                {
                    attempt++;
                    steps[index] = record with { Attempts = attempt };
                    Save(run with { Steps = steps.ToList() }, attempt == 1 ? $"{step.Name} started" : $"{step.Name}: attempt {attempt} of {_retry.MaxAttempts}");
                    last = await AttemptAsync(run, step, attempt);
                    return last;
                },
                stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (last.Failure is not { } failure)
            {
                return record with { Outcome = StepOutcome.Cancelled, Attempts = attempt, FinishedAt = _clock.GetUtcNow() };
            }

            return Finished(record, attempt, StepOutcome.Failed, failure.Partial, failure.Message + " (not retried: the run was stopped)");
        }

        return last.Failure is { } failed
            ? Finished(record, attempt, StepOutcome.Failed, failed.Partial, failed.Message)
            : Finished(record, attempt, StepOutcome.Succeeded, last.Result!, null);
    }

    private static async Task<StepAttempt> AttemptAsync(RunRecord run, PipelineStep step, int attempt)
    {
        try
        {
            // The step itself is not cancelled by a stop request: it finishes cleanly, and the run stops after it.
            return new StepAttempt(await step.Run(new StepContext(run.RunId, run.Date, attempt), CancellationToken.None), null);
        }
        catch (StepFailedException e)
        {
            return new StepAttempt(null, e);
        }
        catch (Exception e) when (StorageFailure.IsPermanent(e))
        {
            // The disk full, a DuckDB I/O error or an invalidated database: a retry would fail the same way, later.
            return new StepAttempt(null, new StepFailedException(StorageFailureException.From(e, null).Message, permanent: true, e));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new StepAttempt(null, new StepFailedException(OperatorMessage.Of(e), permanent: false, e));
        }
    }

    private StepRecord Finished(StepRecord record, int attempts, StepOutcome outcome, StepResult? result, string? error) => record with
    {
        Outcome = outcome,
        Attempts = attempts,
        FinishedAt = _clock.GetUtcNow(),
        Summary = result?.Summary,
        Rows = result?.Rows,
        Tests = result?.Tests,
        Outputs = result?.Outputs,
        Error = error,
    };

    private void Save(RunRecord run, string message)
    {
        _history.Save(run);
        Tell(run, message);
    }

    /// <summary>
    /// Tells <see cref="Changed"/> and appends the line, stamped, to the run's log (<see cref="LogFileName"/> beside its
    /// run.json), which the web console shows: what the run did, in order, after the console that ran it is gone.
    /// </summary>
    private void Tell(RunRecord run, string message)
    {
        var folder = _history.RunFolder(run.RunId);
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, LogFileName),
            $"{_clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}  {message}\n");
        Changed?.Invoke(run, message);
    }

    /// <summary>One attempt of a step: its result, or the failure that ended it.</summary>
    private readonly record struct StepAttempt(StepResult? Result, StepFailedException? Failure);
}
