using Analytics.Pipelines.Locking;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// One run at a time per pipeline: an exclusive lock (<see cref="ExclusiveFileLock"/>, <c>flock(LOCK_EX)</c>) on
/// <c>paths.runs/.run.lock</c>, held for the whole run and released by the operating system if the process dies. Its
/// holder is named in <c>.run.lock.holder</c>, for the message a second run gets.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = ".run.lock";

    private readonly ExclusiveFileLock _lock;

    private RunLock(ExclusiveFileLock fileLock) => _lock = fileLock;

    /// <summary>Takes the lock now, or returns null and who holds it.</summary>
    public static RunLock? TryAcquire(string runsFolder, string holder, out string? heldBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsFolder);
        return ExclusiveFileLock.TryAcquire(Path.Combine(runsFolder, FileName), holder, out heldBy) is { } acquired ? new RunLock(acquired) : null;
    }

    /// <summary>Waits for the lock, checking every <paramref name="poll"/>; <paramref name="waiting"/> hears once who holds it.</summary>
    public static async Task<RunLock> AcquireAsync(string runsFolder, string holder, TimeSpan poll, Action<string>? waiting, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsFolder);
        var acquired = await ExclusiveFileLock.AcquireAsync(Path.Combine(runsFolder, FileName), holder, poll,
            heldBy => waiting?.Invoke($"waiting for the run in progress to finish ({heldBy})"), ct);
        return new RunLock(acquired);
    }

    /// <summary>Replaces the holder's description, e.g. once the run has its id.</summary>
    public void Describe(string holder) => _lock.Describe(holder);

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
