using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// A connection to a DuckDB database file (or a private in-memory database), through DuckDB's C API.
/// </summary>
/// <remarks>
/// <para>Concurrency rules: a connection (and its commands and readers) is used by one thread at a time. Any number of
/// connections to the same file may be opened and used from parallel threads in one process: they share one DuckDB
/// instance (see <c>DatabaseRegistry</c>), and DuckDB's MVCC gives each transaction a consistent snapshot. A file
/// opened read-write is locked against other processes; opened with <c>Read Only=true</c>, any number of processes
/// may read it. All connections to one file within a process must use the same options.</para>
/// <para>One reader at a time per connection: executing a command while a reader is open is refused.
/// Closing or disposing the connection first closes its open reader.</para>
/// </remarks>
public sealed class DuckDbConnection : DbConnection
{
    private string _connectionString = string.Empty;
    private DatabaseHandle? _database;
    private ConnectionHandle? _native;
    private ConnectionState _state = ConnectionState.Closed;
    private DuckDbDataReader? _openReader;

    /// <summary>A closed connection with no connection string.</summary>
    public DuckDbConnection()
    {
    }

    /// <summary>A closed connection; <paramref name="connectionString"/> as described by <see cref="DuckDbConnectionStringBuilder"/>.</summary>
    public DuckDbConnection(string connectionString) => ConnectionString = connectionString;

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            _connectionString = value ?? string.Empty;
        }
    }

    /// <summary>DuckDB's name of the default catalog of a connection.</summary>
    public override string Database => "main";

    /// <inheritdoc />
    public override string DataSource => new DuckDbConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>The version of the loaded libduckdb, such as <c>v1.5.6</c>.</summary>
    public override string ServerVersion => NativeMethods.ReadUtf8(NativeMethods.duckdb_library_version()) ?? "unknown";

    /// <inheritdoc />
    public override ConnectionState State => _state;

    /// <summary>The transaction begun on this connection and not yet finished, if any.</summary>
    internal DuckDbTransaction? CurrentTransaction { get; set; }

    /// <summary>The native connection; throws when the connection is not open.</summary>
    internal ConnectionHandle NativeHandle =>
        _native ?? throw new InvalidOperationException("The connection is not open; call Open() first.");

    /// <inheritdoc />
    public override void Open()
    {
        if (_state != ConnectionState.Closed)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var builder = new DuckDbConnectionStringBuilder(_connectionString);
        var database = DatabaseRegistry.Open(builder);
        if (NativeMethods.duckdb_connect(database.Pointer, out var connection) != DuckDbState.Success)
        {
            database.Dispose();
            throw new DuckDbException($"DuckDB could not connect to '{builder.DataSource}'.");
        }

        _database = database;
        _native = new ConnectionHandle(connection);
        _state = ConnectionState.Open;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    /// <summary>Closes the open reader, rolls back an unfinished transaction, and releases the database.</summary>
    public override void Close()
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }

        _openReader?.CloseWithoutFinishing();
        _openReader = null;
        if (CurrentTransaction is { } transaction)
        {
            transaction.RollbackQuietly();
        }

        _native?.Dispose();
        _native = null;
        _database?.Dispose();
        _database = null;
        _state = ConnectionState.Closed;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Not supported: a DuckDB connection attaches databases with SQL (<c>ATTACH</c>, <c>USE</c>).</summary>
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("Use the SQL statements ATTACH and USE to work with other databases.");

    /// <summary>Creates a command bound to this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Creates an appender that bulk-loads rows into <paramref name="table"/> (in <paramref name="schema"/>, default main).</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null)
    {
        EnsureNoOpenReader();
        return new DuckDbAppender(this, schema, table);
    }

    /// <summary>Asks DuckDB to stop the query running on this connection (duckdb_interrupt).</summary>
    internal void Interrupt()
    {
        if (_native is { IsClosed: false } native)
        {
            NativeMethods.duckdb_interrupt(native.Pointer);
        }
    }

    internal void EnsureNoOpenReader()
    {
        if (_openReader is { IsClosed: false })
        {
            throw new InvalidOperationException("This connection already has an open data reader; close it before executing another command.");
        }
    }

    internal void ReaderOpened(DuckDbDataReader reader) => _openReader = reader;

    internal void ReaderClosed(DuckDbDataReader reader)
    {
        if (ReferenceEquals(_openReader, reader))
        {
            _openReader = null;
        }
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (_state != ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is not open; call Open() first.");
        }

        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already in progress on this connection; DuckDB does not nest transactions.");
        }

        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable))
        {
            throw new NotSupportedException($"DuckDB transactions are snapshot-isolated; isolation level {isolationLevel} is not available (use Unspecified, Snapshot or Serializable).");
        }

        return new DuckDbTransaction(this, isolationLevel);
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}
