namespace Analytics.Pipelines.Locking;

/// <summary>
/// An exclusive advisory lock on a file, across processes and within one: .NET opens a <see cref="FileStream"/> with
/// <see cref="FileShare.None"/> on Unix with <c>flock(LOCK_EX | LOCK_NB)</c> (any other share mode takes LOCK_SH, which
/// excludes no one), and the operating system releases it when the process dies. <c>/proc/locks</c> lists it as
/// <c>FLOCK ADVISORY WRITE</c>. Because a reader of the lock file would itself need a shared lock, the holder's description
/// goes to a sibling file, <c>&lt;lock&gt;.holder</c>, for the message a refused caller shows.
/// </summary>
public sealed class ExclusiveFileLock : IDisposable
{
    private readonly FileStream _stream;

    private ExclusiveFileLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The file naming the lock's current holder.</summary>
    public static string HolderPath(string lockPath) => lockPath + ".holder";

    /// <summary>Takes the lock on <paramref name="lockPath"/> now (creating it and its folder), or returns null and who holds it.</summary>
    /// <param name="lockPath">The lock file.</param>
    /// <param name="holder">Who takes it, e.g. "main run on host, pid 123"; shown to a caller refused while it is held.</param>
    /// <param name="heldBy">When refused: the holder's description, or "another process" if it did not leave one.</param>
    public static ExclusiveFileLock? TryAcquire(string lockPath, string holder, out string? heldBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockPath);
        ArgumentNullException.ThrowIfNull(holder);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(lockPath))!);
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (!IsMissingFolder(lockPath))
        {
            heldBy = ReadHolder(lockPath);
            return null;
        }

        var acquired = new ExclusiveFileLock(stream, lockPath);
        acquired.Describe(holder);
        heldBy = null;
        return acquired;
    }

    /// <summary>Waits for the lock, trying every <paramref name="poll"/>; <paramref name="waiting"/> hears once who holds it.</summary>
    public static async Task<ExclusiveFileLock> AcquireAsync(string lockPath, string holder, TimeSpan poll, Action<string>? waiting, CancellationToken ct)
    {
        var told = false;
        while (true)
        {
            if (TryAcquire(lockPath, holder, out var heldBy) is { } acquired)
            {
                return acquired;
            }

            if (!told)
            {
                waiting?.Invoke(heldBy!);
                told = true;
            }

            await Task.Delay(poll, ct);
        }
    }

    /// <summary>Replaces the holder's description (e.g. once a run has its id); written atomically, by rename.</summary>
    public void Describe(string holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var path = HolderPath(Path);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, holder);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            // The description only improves a message; the lock is what matters.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static string ReadHolder(string lockPath)
    {
        try
        {
            var text = File.ReadAllText(HolderPath(lockPath)).Trim();
            return text.Length == 0 ? "another process" : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    private static bool IsMissingFolder(string lockPath) => !Directory.Exists(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(lockPath)));
}
