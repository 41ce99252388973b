namespace Analytics.DuckDb.Native;

/// <summary>
/// One DuckDB database instance per file per process, shared by every connection to it, through DuckDB's own
/// instance cache (duckdb_get_or_create_from_cache). Two duckdb_open calls on one file in one process would fight
/// over the file lock; the cache hands out references to the same instance and closes it when the last is released.
/// Consequence: all connections to one file in a process must ask for the same options (read-only, threads, ...).
/// </summary>
internal static class DatabaseRegistry
{
    private static readonly Lazy<IntPtr> Cache = new(NativeMethods.duckdb_create_instance_cache, isThreadSafe: true);

    /// <summary>Opens (or joins) the database the builder names.</summary>
    public static DatabaseHandle Open(DuckDbConnectionStringBuilder builder)
    {
        var path = builder.IsInMemory ? ":memory:" : Path.GetFullPath(builder.DataSource);
        if (NativeMethods.duckdb_create_config(out var config) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not allocate a configuration object.");
        }

        try
        {
            foreach (var (name, value) in builder.ToDuckDbOptions())
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException($"DuckDB rejected the configuration option '{name}' = '{value}' (from the connection string).");
                }
            }

            var state = NativeMethods.duckdb_get_or_create_from_cache(Cache.Value, path, out var database, config, out var error);
            var message = NativeMethods.ReadUtf8AndFree(error);
            if (state != DuckDbState.Success)
            {
                if (database != IntPtr.Zero)
                {
                    NativeMethods.duckdb_close(ref database);
                }

                throw new DuckDbException(message ?? $"DuckDB could not open '{path}'.");
            }

            return new DatabaseHandle(database);
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(ref config);
        }
    }
}
