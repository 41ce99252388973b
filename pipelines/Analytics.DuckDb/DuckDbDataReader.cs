using System.Collections;
using System.Data;
using System.Data.Common;
using Analytics.DuckDb.Binding;
using Analytics.DuckDb.Native;
using Analytics.DuckDb.Reading;

namespace Analytics.DuckDb;

/// <summary>
/// Streams the results of a <see cref="DuckDbCommand"/> chunk by chunk (duckdb_fetch_chunk): at most one data chunk
/// (2,048 rows) is held at a time, and each column is read in place from DuckDB's vectors by a typed reader chosen
/// once per column. A small state machine: before a result, in a result, consumed, closed.
/// </summary>
public sealed unsafe partial class DuckDbDataReader : DbDataReader
{
    private enum ReaderState
    {
        InResult,
        Consumed,
        Closed,
    }

    private readonly DuckDbCommand _command;
    private readonly DuckDbConnection _connection;
    private readonly StatementBatch _batch;
    private readonly CommandBehavior _behavior;
    private readonly Timer? _timeout;
    private ReaderState _state = ReaderState.Consumed;
    private int _nextStatement;
    private ResultHandle? _result;
    private DataChunkHandle? _chunk;
    private int _chunkSize;
    private int _row = -1;
    private bool _rowsExhausted;
    private bool _hasRows;
    private bool _failed;
    private int _recordsAffected = -1;
    private VectorReader[] _columns = [];
    private string[] _names = [];

    internal DuckDbDataReader(DuckDbCommand command, DuckDbConnection connection, StatementBatch batch, CommandBehavior behavior, Timer? timeout)
    {
        _command = command;
        _connection = connection;
        _batch = batch;
        _behavior = behavior;
        _timeout = timeout;
    }

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount => _state == ReaderState.Closed ? throw Closed() : _columns.Length;

    /// <inheritdoc />
    public override bool HasRows => _state == ReaderState.Closed ? throw Closed() : _hasRows;

    /// <inheritdoc />
    public override bool IsClosed => _state == ReaderState.Closed;

    /// <summary>Rows inserted, updated or deleted by the statements run so far; -1 when none changes rows.</summary>
    public override int RecordsAffected => _recordsAffected;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <summary>Runs statements until the first that returns rows.</summary>
    internal void Start() => Guard(AdvanceToNextResult);

    /// <inheritdoc />
    public override bool NextResult() => _state != ReaderState.Closed && Guard(AdvanceToNextResult);

    /// <inheritdoc />
    public override bool Read()
    {
        if (_state != ReaderState.InResult || _rowsExhausted)
        {
            return false;
        }

        if (++_row < _chunkSize)
        {
            return true;
        }

        return Guard(FetchChunk);
    }

    /// <summary>
    /// Finishes the remaining statements of the command, then releases the result. After a statement has failed,
    /// the batch stops there: closing never runs the statements that followed the failure.
    /// </summary>
    public override void Close()
    {
        if (_state == ReaderState.Closed)
        {
            return;
        }

        try
        {
            while (!_failed && Guard(AdvanceToNextResult))
            {
            }
        }
        finally
        {
            CloseWithoutFinishing();
        }
    }

    /// <summary>Releases the result without running the remaining statements (the connection is closing).</summary>
    internal void CloseWithoutFinishing()
    {
        if (_state == ReaderState.Closed)
        {
            return;
        }

        ReleaseResult();
        _state = ReaderState.Closed;
        _timeout?.Dispose();
        _connection.ReaderClosed(this);
        _command.ReaderClosed(this);
        if ((_behavior & CommandBehavior.CloseConnection) != 0)
        {
            _connection.Close();
        }
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <summary>Runs a step that may fail in DuckDB; a failure stops the batch for good.</summary>
    private bool Guard(Func<bool> step)
    {
        try
        {
            return step();
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    private bool AdvanceToNextResult()
    {
        ReleaseResult();
        while (_nextStatement < _batch.Count)
        {
            var prepared = _batch.Prepare(_nextStatement++);
            ParameterBinder.BindAll(prepared.Pointer, _command.Parameters);
            var result = ResultHandle.Allocate();
            var streaming = NativeMethods.duckdb_prepared_statement_type(prepared.Pointer) == DuckDbStatementType.Select;
            var state = streaming
                ? NativeMethods.duckdb_execute_prepared_streaming(prepared.Pointer, result.Result)
                : NativeMethods.duckdb_execute_prepared(prepared.Pointer, result.Result);
            if (state != DuckDbState.Success)
            {
                var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result.Result));
                result.Dispose();
                throw new DuckDbException(message ?? "DuckDB could not execute the statement.") { Statement = _command.CommandText };
            }

            switch (NativeMethods.duckdb_result_return_type(*result.Result))
            {
                case DuckDbResultType.QueryResult:
                    OpenResult(result);
                    return true;
                case DuckDbResultType.ChangedRows:
                    _recordsAffected = Math.Max(_recordsAffected, 0) + checked((int)NativeMethods.duckdb_rows_changed(result.Result));
                    break;
            }

            result.Dispose();
        }

        _state = _state == ReaderState.Closed ? ReaderState.Closed : ReaderState.Consumed;
        return false;
    }

    private void OpenResult(ResultHandle result)
    {
        _result = result;
        var count = checked((int)NativeMethods.duckdb_column_count(result.Result));
        _columns = new VectorReader[count];
        _names = new string[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ReadUtf8(NativeMethods.duckdb_column_name(result.Result, (ulong)i)) ?? string.Empty;
            using var type = new LogicalTypeHandle(NativeMethods.duckdb_column_logical_type(result.Result, (ulong)i));
            _columns[i] = VectorReaderFactory.Create(type.Pointer);
        }

        _state = ReaderState.InResult;
        _rowsExhausted = false;
        _hasRows = FetchChunk();
        _row = -1;
    }

    /// <summary>Replaces the current chunk with the next non-empty one; false at the end of the result.</summary>
    private bool FetchChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _chunkSize = 0;
        while (true)
        {
            var raw = NativeMethods.duckdb_fetch_chunk(*_result!.Result);
            if (raw == IntPtr.Zero)
            {
                _rowsExhausted = true;
                var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(_result.Result));
                if (error is not null)
                {
                    throw new DuckDbException(error) { Statement = _command.CommandText };
                }

                return false;
            }

            var chunk = new DataChunkHandle(raw);
            var size = (int)NativeMethods.duckdb_data_chunk_get_size(raw);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }

            _chunk = chunk;
            _chunkSize = size;
            _row = 0;
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(raw, (ulong)i));
            }

            return true;
        }
    }

    private void ReleaseResult()
    {
        _chunk?.Dispose();
        _chunk = null;
        _result?.Dispose();
        _result = null;
        _chunkSize = 0;
        _row = -1;
        _hasRows = false;
        _columns = [];
        _names = [];
    }

    private static InvalidOperationException Closed() => new("The data reader is closed.");
}
