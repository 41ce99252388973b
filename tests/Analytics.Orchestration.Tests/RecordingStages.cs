using System.Collections.Concurrent;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;

namespace Analytics.Orchestration.Tests;

/// <summary>
/// Stages that record the order they are called in and fail when told to: the scheduler and executor tests are about
/// order, retries and skipping, not about what the stages compute (the CLI tests run the real ones).
/// </summary>
public sealed class RecordingStages : IPipelineStages
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, bool> _permanent = new();
    private int _running;

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The most steps that ever ran at once.</summary>
    public int MaxConcurrent { get; private set; }

    /// <summary>When set, every step waits for it before returning.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Set when a step starts waiting on <see cref="Gate"/>.</summary>
    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(string step, int times, bool permanent = false)
    {
        _failuresLeft[step] = times;
        _permanent[step] = permanent;
    }

    public Task<StepResult> BackfillIfEmptyAsync(StepContext context, CancellationToken ct) => Step("backfill", context);

    public Task<StepResult> LandAsync(StepContext context, IReadOnlyList<DateOnly> dates, CancellationToken ct) => Step("backfill", context, dates.Count);

    public Task<StepResult> ExtractAsync(StepContext context, CancellationToken ct) => Step("extract", context, 100);

    public Task<StepResult> FreshnessAsync(StepContext context, CancellationToken ct) => Step("freshness", context);

    public Task<StepResult> TransformAsync(StepContext context, bool fromRunDate, CancellationToken ct) => Step("transform", context, 40);

    public Task<StepResult> ScoreAsync(StepContext context, CancellationToken ct) => Step("score", context, 7);

    public Task<StepResult> QbrAsync(StepContext context, CancellationToken ct) => Step("reports", context);

    public Task<StepResult> WeeklyEmailsAsync(StepContext context, bool onlyWhenDue, CancellationToken ct) => Step("emails", context);

    private async Task<StepResult> Step(string name, StepContext context, long? rows = null)
    {
        var now = Interlocked.Increment(ref _running);
        lock (Calls)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, now);
        }

        try
        {
            Calls.Enqueue($"{name}@{context.Date:yyyy-MM-dd}#{context.Attempt}");
            if (Gate is { } gate)
            {
                Waiting.TrySetResult();
                await gate.Task;
            }

            if (_failuresLeft.TryGetValue(name, out var left) && left > 0)
            {
                _failuresLeft[name] = left - 1;
                throw new StepFailedException($"{name} broke (attempt {context.Attempt})", _permanent[name])
                {
                    Partial = name == "transform" ? new StepResult("built with a failing test", 40, new TestCounts(10, 1, 1, 0)) : null,
                };
            }

            return new StepResult($"{name} done", rows, name == "transform" ? new TestCounts(12, 1, 0, 0) : null);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
