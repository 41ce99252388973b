namespace Analytics.Cli;

/// <summary>Reports on the calling thread (unlike <see cref="Progress{T}"/>), so lines print in order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value)
    {
        lock (this)
        {
            report(value);
        }
    }
}
