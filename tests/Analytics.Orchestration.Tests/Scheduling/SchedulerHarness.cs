using System.Collections.Concurrent;
using System.Threading.Channels;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.Orchestration.Configuration;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;

namespace Analytics.Orchestration.Tests.Scheduling;

/// <summary>An in-memory pipeline scheduler on a manual clock whose firings run recorded runs over <see cref="RecordingStages"/>.</summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Channel<RunRecord> _finished = Channel.CreateUnbounded<RunRecord>();

    private SchedulerHarness(ManualClock clock) => Clock = clock;

    public ManualClock Clock { get; }

    public RecordingStages Stages { get; } = new();

    public RunHistory History => new(_directory.Combine("runs"));

    public PipelineScheduler Scheduler { get; private set; } = null!;

    public ConcurrentQueue<ScheduledFiring> Firings { get; } = new();

    /// <summary>Retries: 3 attempts, 30 s then 60 s.</summary>
    public static RetryPolicy Retry { get; } = new(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    public static async Task<SchedulerHarness> StartAsync(DateTimeOffset now, string schedulesYaml, IReadOnlyDictionary<string, DateTimeOffset>? lastRuns = null)
    {
        var harness = new SchedulerHarness(new ManualClock(now));
        var config = PipelineConfigLoader.Parse(schedulesYaml, harness._directory.Combine("pipeline.yaml"), OrchestrationConfigExtensions.Sections);
        harness.Scheduler = await PipelineScheduler.CreateAsync(config.Schedules, q => q.UseInMemoryStore(_ => { }), harness.LaunchAsync, harness.Clock, lastRuns, CancellationToken.None);
        await harness.Scheduler.StartAsync();
        return harness;
    }

    /// <summary>Advances the clock a minute at a time until a run finishes; returns it.</summary>
    public async Task<RunRecord> NextRunAsync(TimeSpan? step = null)
    {
        var read = _finished.Reader.ReadAsync().AsTask();
        await Clock.DriveUntil(read, step ?? TimeSpan.FromMinutes(1));
        return await read;
    }

    /// <summary>Advances the clock by <paramref name="span"/> in <paramref name="step"/>s and returns the runs finished meanwhile.</summary>
    public async Task<IReadOnlyList<RunRecord>> RunsDuring(TimeSpan span, TimeSpan step)
    {
        for (var t = TimeSpan.Zero; t < span; t += step)
        {
            Clock.Advance(step);
            await Task.Delay(5);
        }

        await Task.Delay(200); // let a firing that became due on the last step reach the launcher
        var runs = new List<RunRecord>();
        while (_finished.Reader.TryRead(out var run))
        {
            runs.Add(run);
        }

        return runs;
    }

    private async Task LaunchAsync(ScheduledFiring firing, CancellationToken ct)
    {
        Firings.Enqueue(firing);
        var executor = new RunExecutor(Clock, History, Retry);
        var run = await executor.ExecuteAsync(JobCatalog.Plan(firing.Job, $"scheduled ({firing.Trigger})", firing.Date, Stages), ct);
        await _finished.Writer.WriteAsync(run, ct);
    }

    public async ValueTask DisposeAsync()
    {
        Stages.Gate?.TrySetResult();
        await Scheduler.DisposeAsync();
        _directory.Dispose();
    }
}
