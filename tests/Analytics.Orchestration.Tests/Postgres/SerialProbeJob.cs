using Quartz;

namespace Analytics.Orchestration.Tests.Postgres;

/// <summary>A <see cref="ProbeJob"/> that a cluster must never run twice at once.</summary>
[DisallowConcurrentExecution]
public sealed class SerialProbeJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        FiringLog.Record(context);
        return ValueTask.CompletedTask;
    }
}
