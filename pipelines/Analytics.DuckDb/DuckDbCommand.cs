using System.ComponentModel;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Analytics.DuckDb.Binding;

namespace Analytics.DuckDb;

/// <summary>
/// One or more SQL statements run on a <see cref="DuckDbConnection"/>, with parameters bound through prepared
/// statements. SELECT results stream chunk by chunk; other statements are materialised.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private readonly DuckDbParameterCollection _parameters = new();
    private string _commandText = string.Empty;
    private DuckDbConnection? _connection;
    private StatementBatch? _batch;
    private DuckDbDataReader? _activeReader;
    private bool _disposed;

    /// <summary>A command with no text and no connection.</summary>
    public DuckDbCommand()
    {
    }

    /// <summary>A command with <paramref name="commandText"/> on <paramref name="connection"/>.</summary>
    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        _connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            if (!string.Equals(_commandText, value, StringComparison.Ordinal))
            {
                ReleaseBatch();
            }

            _commandText = value ?? string.Empty;
        }
    }

    /// <summary>Seconds after which the running query is interrupted; 0 (the default) waits for ever.</summary>
    public override int CommandTimeout { get; set; }

    /// <summary>Only <see cref="CommandType.Text"/>.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB runs SQL text only (CommandType.Text).");
            }
        }
    }

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The connection the command runs on.</summary>
    public new DuckDbConnection? Connection
    {
        get => _connection;
        set
        {
            if (!ReferenceEquals(_connection, value))
            {
                ReleaseBatch();
            }

            _connection = value;
        }
    }

    /// <summary>The command's parameters.</summary>
    public new DuckDbParameterCollection Parameters => _parameters;

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => Connection = (DuckDbConnection?)value;
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => _parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction { get; set; }

    /// <summary>Interrupts the query running on the command's connection.</summary>
    public override void Cancel() => _connection?.Interrupt();

    /// <summary>Parses the command text now, so syntax errors surface before execution.</summary>
    public override void Prepare() => GetBatch();

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <summary>Runs every statement; returns the rows inserted, updated or deleted, or -1 when no statement changes rows.</summary>
    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteReader();
        reader.Close();
        return reader.RecordsAffected;
    }

    /// <summary>Runs every statement; returns the first column of the first row of the first result, or null without rows.</summary>
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <summary>Executes the command and returns a reader positioned before the first row of the first result.</summary>
    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)base.ExecuteReader();

    /// <summary>Executes the command with <paramref name="behavior"/>.</summary>
    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => (DuckDbDataReader)base.ExecuteReader(behavior);

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        if (connection.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("The command's connection is not open; call Open() first.");
        }

        connection.EnsureNoOpenReader();
        var batch = GetBatch();
        var timeout = CommandTimeout > 0
            ? new Timer(_ => connection.Interrupt(), null, TimeSpan.FromSeconds(CommandTimeout), Timeout.InfiniteTimeSpan)
            : null;
        var reader = new DuckDbDataReader(this, connection, batch, behavior, timeout);
        _activeReader = reader;
        connection.ReaderOpened(reader);
        try
        {
            reader.Start();
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader;
    }

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var registration = cancellationToken.Register(Cancel);
        return ExecuteDbDataReader(behavior);
    }

    internal void ReaderClosed(DuckDbDataReader reader)
    {
        if (ReferenceEquals(_activeReader, reader))
        {
            _activeReader = null;
        }

        if (_disposed)
        {
            ReleaseBatch();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            if (_activeReader is null)
            {
                ReleaseBatch();
            }
        }

        base.Dispose(disposing);
    }

    private StatementBatch GetBatch()
    {
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        if (string.IsNullOrWhiteSpace(_commandText))
        {
            throw new InvalidOperationException("The command has no CommandText.");
        }

        var native = connection.NativeHandle;
        if (_batch is not null && !ReferenceEquals(_batch.Connection, native))
        {
            ReleaseBatch();
        }

        return _batch ??= StatementBatch.Parse(native, _commandText);
    }

    private void ReleaseBatch()
    {
        if (_activeReader is not null)
        {
            throw new InvalidOperationException("The command cannot change while its data reader is open.");
        }

        _batch?.Dispose();
        _batch = null;
    }
}
