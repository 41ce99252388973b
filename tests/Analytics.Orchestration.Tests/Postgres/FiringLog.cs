using System.Collections.Concurrent;
using Quartz;

namespace Analytics.Orchestration.Tests.Postgres;

/// <summary>
/// What the probe jobs ran, on which scheduler instance: each test opens its own log and passes its id to the jobs as
/// job data (a string, as the store keeps job data), so tests running side by side never see each other's firings.
/// </summary>
public sealed class FiringLog
{
    public const string JobDataKey = "firing-log";
    private static readonly ConcurrentDictionary<string, FiringLog> s_open = new();
    private readonly Lock _gate = new();
    private readonly List<Firing> _firings = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    private FiringLog(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<Firing> Firings
    {
        get
        {
            lock (_gate)
            {
                return [.. _firings];
            }
        }
    }

    public static FiringLog Open()
    {
        var log = new FiringLog(Guid.NewGuid().ToString("N"));
        s_open[log.Id] = log;
        return log;
    }

    /// <summary>Records one execution in the log its job data names.</summary>
    public static void Record(IJobExecutionContext context)
    {
        var id = context.MergedJobDataMap.GetString(JobDataKey)
            ?? throw new InvalidOperationException($"The job data of {context.JobDetail.Key} has no '{JobDataKey}'.");
        s_open[id].Add(new Firing(
            context.JobDetail.Key.Name,
            context.ScheduledFireTimeUtc ?? throw new InvalidOperationException("A trigger fired with no scheduled time."),
            context.FireInstanceId,
            context.Scheduler.SchedulerInstanceId));
    }

    /// <summary>Completes once <paramref name="count"/> firings are recorded; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_firings.Count >= count)
            {
                return;
            }

            _waiters.Add((count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout} for {count} firings; {Firings.Count} arrived: {string.Join(", ", Firings)}");
        }
    }

    private void Add(Firing firing)
    {
        lock (_gate)
        {
            _firings.Add(firing);
            foreach (var waiter in _waiters.Where(w => _firings.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>One execution: the job, the fire time it was scheduled for, its fire instance and where it ran.</summary>
    public sealed record Firing(string Job, DateTimeOffset ScheduledUtc, string FireInstanceId, string SchedulerInstanceId);
}
