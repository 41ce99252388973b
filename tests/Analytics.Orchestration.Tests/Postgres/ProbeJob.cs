using Quartz;

namespace Analytics.Orchestration.Tests.Postgres;

/// <summary>A job that only records its execution in the <see cref="FiringLog"/> its job data names.</summary>
public sealed class ProbeJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        FiringLog.Record(context);
        return ValueTask.CompletedTask;
    }
}
