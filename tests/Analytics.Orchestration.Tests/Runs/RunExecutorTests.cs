using Analytics.Orchestration.Runs;
using Analytics.Pipelines.Resilience;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;

namespace Analytics.Orchestration.Tests.Runs;

public sealed class RunExecutorTests : IDisposable
{
    private static readonly RetryPolicy ThreeAttempts = new(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
    private readonly TempDirectory _directory = new();
    private readonly InstantWaitClock _clock = new();
    private readonly List<string> _messages = [];

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_failing_step_is_retried_after_30_then_60_seconds_on_the_clock_and_the_run_succeeds()
    {
        var attempts = new List<int>();

        var run = await Execute(ThreeAttempts, Step("transform", context =>
        {
            attempts.Add(context.Attempt);
            return context.Attempt < 3 ? throw new StepFailedException($"transform broke (attempt {context.Attempt})", permanent: false) : Done();
        }));

        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        Assert.Equal([1, 2, 3], attempts);
        Assert.Equal(3, run.Steps[0].Attempts);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], _clock.Waits);
        Assert.Equal(90_000, run.Steps[0].DurationMs);
        Assert.Contains("transform failed (attempt 1 of 3): transform broke (attempt 1); retrying in 30 s", _messages);
        Assert.Contains("transform failed (attempt 2 of 3): transform broke (attempt 2); retrying in 60 s", _messages);
        Assert.Contains("transform: attempt 3 of 3", _messages);
    }

    [Fact]
    public async Task A_step_that_fails_every_attempt_fails_the_run_with_its_last_error_and_the_next_steps_are_skipped()
    {
        var run = await Execute(ThreeAttempts,
            Step("extract", context => throw new InvalidOperationException($"source down (attempt {context.Attempt})")),
            Step("transform", _ => Done()));

        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Equal((StepOutcome.Failed, 3), (run.Steps[0].Outcome, run.Steps[0].Attempts));
        Assert.Equal("InvalidOperationException: source down (attempt 3)", run.Steps[0].Error);
        Assert.Equal(StepOutcome.Skipped, run.Steps[1].Outcome);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], _clock.Waits);
    }

    [Fact]
    public async Task The_run_writes_its_log_beside_run_json_with_each_start_retry_and_end_stamped()
    {
        var run = await Execute(ThreeAttempts, Step("transform", context =>
            context.Attempt < 2 ? throw new StepFailedException("transform broke", permanent: false) : Done()));

        var log = File.ReadAllLines(Path.Combine(_directory.Combine("runs"), run.RunId, RunExecutor.LogFileName));
        Assert.Equal(_messages, log.Select(l => l[(l.IndexOf("  ", StringComparison.Ordinal) + 2)..]));
        Assert.Contains(log, l => l.EndsWith("transform failed (attempt 1 of 3): transform broke; retrying in 30 s", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z  run ", log[0]);
        Assert.Matches(@"succeeded in 30\.0 s$", log[^1]);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        var run = await Execute(ThreeAttempts, Step("extract", _ => throw new StepFailedException("refused: 12 % quarantined", permanent: true)));

        Assert.Equal((StepOutcome.Failed, 1), (run.Steps[0].Outcome, run.Steps[0].Attempts));
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task A_stop_during_the_wait_ends_the_step_as_failed_and_not_retried()
    {
        using var stop = new CancellationTokenSource();
        var executor = new RunExecutor(_clock, new RunHistory(_directory.Combine("runs")), ThreeAttempts);
        executor.Changed += (_, message) =>
        {
            if (message.Contains("retrying in", StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        };

        var run = await executor.ExecuteAsync(Plan(Step("extract", _ => throw new StepFailedException("source down", permanent: false)), Step("transform", _ => Done())), stop.Token);

        Assert.Equal((StepOutcome.Failed, 1), (run.Steps[0].Outcome, run.Steps[0].Attempts));
        Assert.Equal("source down (not retried: the run was stopped)", run.Steps[0].Error);
        Assert.Equal(StepOutcome.Cancelled, run.Steps[1].Outcome);
    }

    [Fact]
    public async Task A_full_disk_fails_the_step_at_once_saying_so()
    {
        var attempts = 0;

        var run = await Execute(ThreeAttempts,
            Step("transform", _ =>
            {
                attempts++;
                throw new IOException("No space left on device : '/data/warehouse/.analytics.duckdb.build-x.wal'", 28);
            }),
            Step("score", _ => Done()));

        Assert.Equal(1, attempts);
        Assert.Equal((StepOutcome.Failed, 1), (run.Steps[0].Outcome, run.Steps[0].Attempts));
        Assert.Empty(_clock.Waits);
        Assert.Equal("could not write to storage: the disk is full (no space left on device); free space there and run again (not retried). "
            + "Error: No space left on device : '/data/warehouse/.analytics.duckdb.build-x.wal'", run.Steps[0].Error);
        Assert.Equal(StepOutcome.Skipped, run.Steps[1].Outcome);
    }

    [Fact]
    public async Task A_storage_failure_that_names_what_it_could_not_write_keeps_its_message_and_runs_once()
    {
        var attempts = 0;
        var failure = new StorageFailureException("could not write the warehouse build file /w/.analytics.duckdb.build-x: the disk is full (no space left on device); "
            + "free space there and run again (not retried). Error: IO Error: No space left on device", new IOException("No space left on device", 28));

        var run = await Execute(ThreeAttempts, Step("transform", _ =>
        {
            attempts++;
            throw failure;
        }));

        Assert.Equal(1, attempts);
        Assert.Equal(failure.Message, run.Steps[0].Error);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task An_invalidated_duckdb_database_is_not_retried()
    {
        var run = await Execute(ThreeAttempts, Step("score", _ => throw new InvalidOperationException(
            "FATAL Error: Failed: database has been invalidated because of a previous fatal error. The database must be restarted prior to being used again.")));

        Assert.Equal((StepOutcome.Failed, 1), (run.Steps[0].Outcome, run.Steps[0].Attempts));
        Assert.StartsWith("could not write to storage: a storage error that retrying cannot cure", run.Steps[0].Error);
    }

    [Fact]
    public async Task One_attempt_means_no_retry()
    {
        var run = await Execute(new RetryPolicy(1, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)),
            Step("extract", _ => throw new StepFailedException("source down", permanent: false)));

        Assert.Equal((StepOutcome.Failed, 1), (run.Steps[0].Outcome, run.Steps[0].Attempts));
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task A_step_failing_with_the_same_error_on_parallel_work_records_it_once_on_one_line_without_dotnet_wrapper_text()
    {
        var failure = new IOException("partners.csv:7: the quoted field (column 'name') opened on line 7 is never closed; close the quote.");
        var run = await Execute(new RetryPolicy(1, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)),
            Step("backfill", _ => throw new AggregateException(failure, new IOException(failure.Message))));

        Assert.Equal(failure.Message, run.Steps[0].Error);
        Assert.Equal($"backfill failed: {failure.Message}", run.Error);
        var recorded = File.ReadAllText(Path.Combine(_directory.Combine("runs"), run.RunId, RunHistory.FileName));
        Assert.DoesNotContain("AggregateException", recorded);
        Assert.DoesNotContain("One or more errors occurred", recorded);
    }

    private async Task<RunRecord> Execute(RetryPolicy retry, params PipelineStep[] steps)
    {
        var executor = new RunExecutor(_clock, new RunHistory(_directory.Combine("runs")), retry);
        executor.Changed += (_, message) => _messages.Add(message);
        return await executor.ExecuteAsync(Plan(steps));
    }

    private static RunPlan Plan(params PipelineStep[] steps) => new("nightly", "manual", new DateOnly(2026, 11, 20), steps);

    private static PipelineStep Step(string name, Func<StepContext, Task<StepResult>> run) => new(name, (context, _) => run(context));

    private static Task<StepResult> Done() => Task.FromResult(new StepResult("done", null, null));
}
