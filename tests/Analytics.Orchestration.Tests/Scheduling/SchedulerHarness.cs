using System.Collections.Concurrent;
using System.Threading.Channels;
using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;
using Hangfire;

namespace Analytics.Orchestration.Tests.Scheduling;

/// <summary>
/// A pipeline scheduler (a Hangfire server) on a given storage whose firings run recorded runs over
/// <see cref="RecordingStages"/>. Hangfire fires on the real clock, so schedules in tests fire every second and the
/// server looks for due jobs every 100 ms; the runs' retries wait on an <see cref="InstantWaitClock"/>.
/// </summary>
public sealed class SchedulerHarness : IDisposable
{
    private readonly TempDirectory _directory;
    private readonly bool _ownsDirectory;
    private readonly Channel<RunRecord> _finished = Channel.CreateUnbounded<RunRecord>();

    private SchedulerHarness(TempDirectory directory, bool ownsDirectory, JobStorage storage)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        Storage = storage;
    }

    /// <summary>Polling of due recurring jobs: Hangfire's own, made short.</summary>
    public static TimeSpan Polling { get; } = TimeSpan.FromMilliseconds(100);

    public InstantWaitClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public RecordingStages Stages { get; init; } = new();

    public JobStorage Storage { get; }

    public RunHistory History => new(_directory.Combine("runs"));

    public PipelineScheduler Scheduler { get; private set; } = null!;

    public ConcurrentQueue<ScheduledFiring> Firings { get; } = new();

    /// <summary>When set, a firing calls this instead of running the job (e.g. to throw).</summary>
    public Func<ScheduledFiring, Task>? Launcher { get; set; }

    /// <summary>Retries: 3 attempts, 30 s then 60 s (on the instant clock).</summary>
    public static RetryPolicy Retry { get; } = new(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    public static SchedulesConfig Schedules(string schedulesYaml) =>
        PipelineConfigLoader.Parse(schedulesYaml, "pipeline.yaml", OrchestrationConfigExtensions.Sections).Schedules;

    /// <summary>A harness on <paramref name="storage"/> (in memory when null), registered and, unless told otherwise, started.</summary>
    public static SchedulerHarness Create(string schedulesYaml, JobStorage? storage = null, string? server = null,
        IReadOnlyDictionary<string, DateTimeOffset>? lastRuns = null, bool start = true, RecordingStages? stages = null, TempDirectory? runs = null)
    {
        var harness = new SchedulerHarness(runs ?? new TempDirectory(), runs is null, storage ?? SchedulerStores.Memory()) { Stages = stages ?? new RecordingStages() };
        harness.Scheduler = PipelineScheduler.Create(Schedules(schedulesYaml), harness.Storage, harness.LaunchAsync, new SchedulerServerOptions(server, Polling), lastRuns);
        if (start)
        {
            harness.Scheduler.Start();
        }

        return harness;
    }

    /// <summary>The next finished run (the library's polling and the run take what they take; the test's timeout bounds it).</summary>
    public async Task<RunRecord> NextRunAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _finished.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (or fails the test after <paramref name="timeout"/>).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting until {what}");
            await Task.Delay(Polling);
        }
    }

    private async Task LaunchAsync(ScheduledFiring firing, CancellationToken ct)
    {
        Firings.Enqueue(firing);
        if (Launcher is not null)
        {
            await Launcher(firing);
            return;
        }

        var executor = new RunExecutor(Clock, History, Retry);
        var run = await executor.ExecuteAsync(JobCatalog.Plan(firing.Job, $"scheduled ({firing.Trigger})", firing.Date, Stages), ct);
        await _finished.Writer.WriteAsync(run, ct);
    }

    public void Dispose()
    {
        Stages.Gate?.TrySetResult();
        Scheduler.Dispose();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
    }
}
