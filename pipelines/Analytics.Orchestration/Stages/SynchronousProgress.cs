namespace Analytics.Orchestration.Stages;

/// <summary>Reports on the calling thread (unlike <see cref="Progress{T}"/>), so lines print in order.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
