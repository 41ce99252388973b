using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Binding;

/// <summary>
/// The statements of one command text, split by DuckDB's parser (duckdb_extract_statements) and prepared one at a
/// time just before each runs, so a batch may create a table in one statement and use it in the next. Prepared
/// statements are kept for re-execution; DuckDB rebinds them itself when the catalog has changed.
/// </summary>
internal sealed class StatementBatch : IDisposable
{
    private readonly ConnectionHandle _connection;
    private readonly ExtractedStatementsHandle _extracted;
    private readonly PreparedStatementHandle?[] _prepared;
    private readonly string _text;

    private StatementBatch(ConnectionHandle connection, ExtractedStatementsHandle extracted, int count, string text)
    {
        _connection = connection;
        _extracted = extracted;
        _prepared = new PreparedStatementHandle?[count];
        _text = text;
    }

    /// <summary>How many statements the text holds.</summary>
    public int Count => _prepared.Length;

    /// <summary>The connection these statements were parsed for.</summary>
    public ConnectionHandle Connection => _connection;

    /// <summary>Parses <paramref name="text"/>; a syntax error becomes a <see cref="DuckDbException"/> with DuckDB's message.</summary>
    public static StatementBatch Parse(ConnectionHandle connection, string text)
    {
        var count = NativeMethods.duckdb_extract_statements(connection.Pointer, text, out var raw);
        var extracted = new ExtractedStatementsHandle(raw);
        if (count == 0)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_extract_statements_error(raw));
            extracted.Dispose();
            throw new DuckDbException(message ?? "The command text holds no SQL statement.") { Statement = text };
        }

        return new StatementBatch(connection, extracted, checked((int)count), text);
    }

    /// <summary>The prepared statement at <paramref name="index"/>, prepared now if it was not before.</summary>
    public PreparedStatementHandle Prepare(int index)
    {
        if (_prepared[index] is { } ready)
        {
            return ready;
        }

        var state = NativeMethods.duckdb_prepare_extracted_statement(_connection.Pointer, _extracted.Pointer, (ulong)index, out var raw);
        var prepared = new PreparedStatementHandle(raw);
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(raw));
            prepared.Dispose();
            throw new DuckDbException(message ?? "DuckDB could not prepare the statement.") { Statement = _text };
        }

        _prepared[index] = prepared;
        return prepared;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var prepared in _prepared)
        {
            prepared?.Dispose();
        }

        _extracted.Dispose();
    }
}
