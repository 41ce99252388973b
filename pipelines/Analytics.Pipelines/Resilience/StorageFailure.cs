namespace Analytics.Pipelines.Resilience;

/// <summary>
/// Recognises failures to write to storage that a retry cannot cure: the disk full (<c>ENOSPC</c>, "No space left on
/// device"), a DuckDB I/O error, or a DuckDB database invalidated by an earlier fatal error (DuckDB refuses every later
/// statement on that connection). Retrying those only delays the alert, so a step failing this way fails at once, with a
/// message naming what could not be written. A DuckDB lock held by another process is an I/O error too, but a passing
/// one, and stays retryable.
/// </summary>
public static class StorageFailure
{
    private const int EnospcErrno = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>Whether <paramref name="e"/> (or an exception inside it) is a storage failure a retry cannot cure.</summary>
    public static bool IsPermanent(Exception e) => Walk(e).Any(x => IsDiskFull(x) || IsDuckDbStorage(x));

    /// <summary>Whether <paramref name="e"/> (or an exception inside it) says the disk is full.</summary>
    public static bool IsDiskFull(Exception e) => Walk(e).Any(x =>
        (x is IOException && (x.HResult is EnospcErrno or WindowsDiskFull or WindowsHandleDiskFull))
        || x.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || x.Message.Contains("There is not enough space on the disk", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// One line for the run history and the alert: what could not be written (<paramref name="what"/>, e.g. "the
    /// warehouse build file /data/warehouse/.analytics.duckdb.build-….duckdb"; when null, the original error names the
    /// file), whether the disk is full, and the original error.
    /// </summary>
    public static string Describe(Exception e, string? what)
    {
        ArgumentNullException.ThrowIfNull(e);
        var target = what is null ? "to storage" : what;
        var cause = IsDiskFull(e)
            ? $"could not write {target}: the disk is full (no space left on device); free space there and run again"
            : $"could not write {target}: a storage error that retrying cannot cure; check the disk and run again";
        return $"{cause} (not retried). Error: {Diagnostics.OperatorMessage.OneLine(e.Message)}";
    }

    private static bool IsDuckDbStorage(Exception e)
    {
        var message = e.Message;
        if (message.Contains("database has been invalidated", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // DuckDB.NET's DuckDBException carries DuckDB's own message, prefixed with its error type ("IO Error: ...").
        if (!e.GetType().Name.StartsWith("DuckDB", StringComparison.Ordinal)
            || message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return message.Contains("IO Error", StringComparison.OrdinalIgnoreCase) || message.Contains("I/O Error", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<Exception> Walk(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }

        if (e is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions.SelectMany(Walk))
            {
                yield return inner;
            }
        }
    }
}
