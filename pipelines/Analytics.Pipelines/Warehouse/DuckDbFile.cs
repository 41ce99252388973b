using DuckDB.NET.Data;

namespace Analytics.Pipelines.Warehouse;

/// <summary>
/// The one place that opens DuckDB (DuckDB.NET, engine 1.5.6): a database file read-write (a build copy) or read-only
/// (the published warehouse, which readers must never lock for writing), or an in-memory database. Everything else uses
/// the returned ADO.NET connection as usual, directly or through Dapper.
/// </summary>
/// <remarks>
/// Several connections to one file in one process share one DuckDB instance, so they must use the same options
/// (DuckDB refuses to open one file twice with different configurations in one process). Across processes, one
/// read-write process holds the file lock and any number of read-only processes may read a file nobody writes; the
/// warehouse is therefore rebuilt into a new file and renamed into place.
/// </remarks>
public static class DuckDbFile
{
    /// <summary>
    /// Told of every database file opened, with its path and mode (not of in-memory databases), after it opened; so a
    /// test can prove that a stage only reads the warehouse (root ignores a read-only file mode, so that proves nothing).
    /// </summary>
    public static event Action<DuckDbOpening>? Opening;

    /// <summary>Opens the DuckDB database file <paramref name="path"/>, read-only when <paramref name="readOnly"/>.</summary>
    /// <exception cref="DuckDBException">DuckDB could not open the file (missing when read-only, locked, corrupt).</exception>
    public static DuckDBConnection Open(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        if (readOnly)
        {
            builder.AccessMode = DuckDBAccessMode.ReadOnly;
        }

        return Opened(builder);
    }

    /// <summary>
    /// Opens a private in-memory database; <paramref name="options"/> are DuckDB settings by name
    /// (e.g. <c>threads</c>, <c>temp_directory</c>, <c>preserve_insertion_order</c>).
    /// </summary>
    public static DuckDBConnection OpenInMemory(params (string Name, object Value)[] options)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = ":memory:" };
        foreach (var (name, value) in options)
        {
            builder[name] = value;
        }

        return Opened(builder);
    }

    /// <summary>
    /// Opens a scratch database file <paramref name="path"/> (created when missing) for work that may be larger than
    /// memory: unlike an in-memory database, its tables live on disk and only DuckDB's buffer pool, bounded by the
    /// <c>memory_limit</c> among <paramref name="options"/>, is held in memory. The caller deletes the file afterwards.
    /// </summary>
    public static DuckDBConnection OpenScratch(string path, params (string Name, object Value)[] options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        foreach (var (name, value) in options)
        {
            builder[name] = value;
        }

        return Opened(builder);
    }

    /// <summary>
    /// A second connection to the database <paramref name="connection"/> is connected to (the same DuckDB instance), so
    /// one can read a streaming result while the other appends.
    /// </summary>
    public static DuckDBConnection OpenAnother(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var builder = new DuckDBConnectionStringBuilder { ConnectionString = connection.ConnectionString };
        return builder.DataSource.Length == 0 || builder.DataSource.StartsWith(":memory:", StringComparison.Ordinal)
            ? connection.Duplicate() // a private in-memory database is reachable only through its connections
            : Opened(builder);
    }

    private static DuckDBConnection Opened(DuckDBConnectionStringBuilder builder)
    {
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            if (Opening is { } opening && builder.DataSource.Length > 0 && !builder.DataSource.StartsWith(":memory:", StringComparison.Ordinal))
            {
                opening(new DuckDbOpening(Path.GetFullPath(builder.DataSource), builder.AccessMode == DuckDBAccessMode.ReadOnly));
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
