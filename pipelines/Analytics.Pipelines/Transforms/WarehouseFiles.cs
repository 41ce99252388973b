namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The warehouse file and its build: a build is written to <c>.&lt;name&gt;.build-&lt;run id&gt;</c> beside the
/// warehouse (same file system, so the swap is a rename) and replaces it in one atomic rename when it succeeds;
/// readers see either the previous complete build or the new one, never a half-built warehouse. A lock file keeps two
/// transforms from building at once.
/// </summary>
public sealed class WarehouseFiles : IDisposable
{
    private readonly FileStream _lock;

    private WarehouseFiles(string warehousePath, FileStream lockStream)
    {
        WarehousePath = warehousePath;
        _lock = lockStream;
    }

    /// <summary>The warehouse file analysts open.</summary>
    public string WarehousePath { get; }

    /// <summary>Takes the warehouse's build lock and deletes builds abandoned by crashed runs.</summary>
    /// <exception cref="TransformRunException">Another transform is building this warehouse.</exception>
    public static WarehouseFiles Acquire(string warehousePath)
    {
        var path = Path.GetFullPath(warehousePath);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new TransformRunException($"{path}.lock: another transform is building this warehouse; wait for it to finish.");
        }

        foreach (var abandoned in Directory.GetFiles(folder, BuildPrefix(path) + "*"))
        {
            File.Delete(abandoned); // we hold the lock, so no live build owns it
        }

        return new WarehouseFiles(path, lockStream);
    }

    /// <summary>The file a build with <paramref name="runId"/> writes to.</summary>
    public string BuildPath(string runId) => Path.Combine(Path.GetDirectoryName(WarehousePath)!, BuildPrefix(WarehousePath) + runId);

    /// <summary>Replaces the warehouse with the closed, checkpointed build at <paramref name="buildPath"/> in one rename.</summary>
    public void SwapIn(string buildPath)
    {
        if (File.Exists(buildPath + ".wal"))
        {
            throw new TransformRunException($"{buildPath}: the build still has a write-ahead log; it was not closed cleanly, so it is not swapped in.");
        }

        // A stale WAL beside the old file would be replayed against the new one by the next writer.
        File.Delete(WarehousePath + ".wal");
        File.Move(buildPath, WarehousePath, overwrite: true);
    }

    /// <summary>Moves a failed build to <paramref name="destination"/> for inspection; the warehouse is left as it was.</summary>
    public static string KeepFailedBuild(string buildPath, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Move(buildPath, destination, overwrite: true);
        File.Delete(buildPath + ".wal");
        return destination;
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();

    private static string BuildPrefix(string warehousePath) => "." + Path.GetFileName(warehousePath) + ".build-";
}
