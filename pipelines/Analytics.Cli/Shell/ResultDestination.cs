using System.Text;

namespace Analytics.Cli.Shell;

/// <summary>Where query results go: standard output, or a file (<c>.output FILE</c>, <c>--output FILE</c>) created or truncated.</summary>
internal sealed class ResultDestination : IDisposable
{
    private const int BufferSize = 1 << 16;

    private ResultDestination(TextWriter writer, string? file)
    {
        Writer = writer;
        File = file;
    }

    /// <summary>The writer results are written to (buffered; flushed after each result).</summary>
    public TextWriter Writer { get; }

    /// <summary>The file's full path; null for standard output.</summary>
    public string? File { get; }

    /// <summary>Whether results go to standard output.</summary>
    public bool IsStdout => File is null;

    /// <summary>Standard output, through <paramref name="stdout"/> in blocks.</summary>
    public static ResultDestination Stdout(TextWriter stdout) => new(new BlockWriter(stdout), null);

    /// <summary>
    /// The file <paramref name="path"/> (relative to the current folder), created or truncated. Never the warehouse
    /// <paramref name="warehouse"/> or a file beside it named after it (its WAL, its lock): opening those for writing
    /// would truncate the warehouse no matter that DuckDB opened it read-only.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written; the message says why.</exception>
    public static ResultDestination CreateFile(string path, string warehouse)
    {
        var full = Path.GetFullPath(path);
        if (IsWarehouseFile(full, warehouse) || IsWarehouseFile(ResolveLink(full), ResolveLink(Path.GetFullPath(warehouse))))
        {
            throw new IOException($"cannot write {full}: that is the warehouse (or a file of it), which `analytics sql` never changes.");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"cannot write {full}: it is a folder.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new IOException($"cannot write {full}: the folder {folder} does not exist.");
        }

        try
        {
            var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
            return new ResultDestination(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize), full);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot write {full}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => File ?? "stdout";

    /// <summary>Flushes; closes the file (standard output stays open).</summary>
    public void Dispose() => Writer.Dispose();

    private static bool IsWarehouseFile(string path, string warehouse) =>
        path == warehouse || path.StartsWith(warehouse + ".", StringComparison.Ordinal);

    private static string ResolveLink(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }
}
