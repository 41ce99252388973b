namespace Analytics.Reports.Tests.Delivery;

/// <summary>Stands in for Task.Delay: records each requested wait and returns at once, so tests never sleep.</summary>
internal sealed class DelayRecorder
{
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits => _waits;

    public Task Delay(TimeSpan wait, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        _waits.Add(wait);
        return Task.CompletedTask;
    }
}
