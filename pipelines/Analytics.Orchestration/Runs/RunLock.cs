namespace Analytics.Orchestration.Runs;

/// <summary>
/// One run at a time per pipeline: an exclusive lock on <c>paths.runs/.run.lock</c>, held for the whole run and released
/// by the operating system if the process dies. The file names its holder, for the message a second run gets.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = ".run.lock";

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock now, or returns null and who holds it.</summary>
    public static RunLock? TryAcquire(string runsFolder, string holder, out string? heldBy)
    {
        Directory.CreateDirectory(runsFolder);
        var path = Path.Combine(runsFolder, FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(holder);
            }

            stream.Flush(flushToDisk: true);
            heldBy = null;
            return new RunLock(stream);
        }
        catch (IOException)
        {
            try
            {
                heldBy = File.ReadAllText(path);
            }
            catch (IOException)
            {
                heldBy = "another process";
            }

            return null;
        }
    }

    /// <summary>Waits for the lock, checking every <paramref name="poll"/>; <paramref name="waiting"/> hears once who holds it.</summary>
    public static async Task<RunLock> AcquireAsync(string runsFolder, string holder, TimeSpan poll, Action<string>? waiting, CancellationToken ct)
    {
        var told = false;
        while (true)
        {
            if (TryAcquire(runsFolder, holder, out var heldBy) is { } acquired)
            {
                return acquired;
            }

            if (!told)
            {
                waiting?.Invoke($"waiting for the run in progress to finish ({heldBy})");
                told = true;
            }

            await Task.Delay(poll, ct);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
