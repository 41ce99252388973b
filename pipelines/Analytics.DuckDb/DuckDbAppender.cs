using System.Buffers;
using System.Numerics;
using System.Text;
using Analytics.DuckDb.Binding;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// Bulk-loads rows into one table through DuckDB's appender (duckdb.h, "Appender"): values are appended column by
/// column, <see cref="EndRow"/> closes a row, and DuckDB writes them in chunks. Far faster than INSERT statements.
/// Rows become visible when the appender is flushed or disposed; a failure names DuckDB's reason.
/// </summary>
/// <example>
/// <code>
/// using var appender = connection.CreateAppender("opportunities");
/// appender.Append("opp-1").Append(12_000.0).AppendNull().EndRow();
/// </code>
/// </example>
public sealed class DuckDbAppender : IDisposable
{
    private const int StackLimit = 512;
    private readonly AppenderHandle _handle;
    private readonly string _table;
    private bool _closed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        _table = schema is null ? table : $"{schema}.{table}";
        var state = NativeMethods.duckdb_appender_create(connection.NativeHandle.Pointer, schema, table, out var raw);
        _handle = new AppenderHandle(raw);
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(raw));
            _handle.Dispose();
            throw new DuckDbException(message ?? $"DuckDB could not create an appender for table {_table}.");
        }
    }

    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDbAppender Append(bool value) => Check(NativeMethods.duckdb_append_bool(Pointer, value));

    /// <summary>Appends a TINYINT.</summary>
    public DuckDbAppender Append(sbyte value) => Check(NativeMethods.duckdb_append_int8(Pointer, value));

    /// <summary>Appends a SMALLINT.</summary>
    public DuckDbAppender Append(short value) => Check(NativeMethods.duckdb_append_int16(Pointer, value));

    /// <summary>Appends an INTEGER.</summary>
    public DuckDbAppender Append(int value) => Check(NativeMethods.duckdb_append_int32(Pointer, value));

    /// <summary>Appends a BIGINT.</summary>
    public DuckDbAppender Append(long value) => Check(NativeMethods.duckdb_append_int64(Pointer, value));

    /// <summary>Appends a UTINYINT.</summary>
    public DuckDbAppender Append(byte value) => Check(NativeMethods.duckdb_append_uint8(Pointer, value));

    /// <summary>Appends a USMALLINT.</summary>
    public DuckDbAppender Append(ushort value) => Check(NativeMethods.duckdb_append_uint16(Pointer, value));

    /// <summary>Appends a UINTEGER.</summary>
    public DuckDbAppender Append(uint value) => Check(NativeMethods.duckdb_append_uint32(Pointer, value));

    /// <summary>Appends a UBIGINT.</summary>
    public DuckDbAppender Append(ulong value) => Check(NativeMethods.duckdb_append_uint64(Pointer, value));

    /// <summary>Appends a HUGEINT.</summary>
    public DuckDbAppender Append(BigInteger value) => Check(NativeMethods.duckdb_append_hugeint(Pointer, ParameterBinder.ToHugeInt(value)));

    /// <summary>Appends a FLOAT.</summary>
    public DuckDbAppender Append(float value) => Check(NativeMethods.duckdb_append_float(Pointer, value));

    /// <summary>Appends a DOUBLE.</summary>
    public DuckDbAppender Append(double value) => Check(NativeMethods.duckdb_append_double(Pointer, value));

    /// <summary>Appends a DECIMAL, exactly.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var native = NativeMethods.duckdb_create_decimal(ParameterBinder.ToDecimal(value));
        try
        {
            return Check(NativeMethods.duckdb_append_value(Pointer, native));
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref native);
        }
    }

    /// <summary>Appends a DATE.</summary>
    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.duckdb_append_date(Pointer, TemporalEncoding.DaysFromDate(value)));

    /// <summary>Appends a TIME.</summary>
    public DuckDbAppender Append(TimeOnly value) => Check(NativeMethods.duckdb_append_time(Pointer, TemporalEncoding.MicrosFromTime(value)));

    /// <summary>Appends a TIMESTAMP (local times are converted to UTC; unspecified ones are taken as UTC).</summary>
    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.duckdb_append_timestamp(Pointer, TemporalEncoding.MicrosFromTimestamp(value)));

    /// <summary>Appends a TIMESTAMP from the UTC instant of <paramref name="value"/>.</summary>
    public DuckDbAppender Append(DateTimeOffset value) => Append(value.UtcDateTime);

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppender Append(TimeSpan value) => Append(DuckDbInterval.FromTimeSpan(value));

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppender Append(DuckDbInterval value) => Check(NativeMethods.duckdb_append_interval(Pointer, ParameterBinder.ToInterval(value)));

    /// <summary>Appends a UUID.</summary>
    public DuckDbAppender Append(Guid value)
    {
        var native = NativeMethods.duckdb_create_uuid(TemporalEncoding.UnsignedFromGuid(value));
        try
        {
            return Check(NativeMethods.duckdb_append_value(Pointer, native));
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref native);
        }
    }

    /// <summary>Appends a VARCHAR; null appends NULL.</summary>
    public unsafe DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* p = buffer)
            {
                return Check(NativeMethods.duckdb_append_varchar_length(Pointer, p, (ulong)length));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Appends a BLOB; null appends NULL.</summary>
    public unsafe DuckDbAppender Append(byte[]? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        fixed (byte* p = value)
        {
            return Check(NativeMethods.duckdb_append_blob(Pointer, p, (ulong)value.Length));
        }
    }

    /// <summary>Appends a BOOLEAN or NULL.</summary>
    public DuckDbAppender Append(bool? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends an INTEGER or NULL.</summary>
    public DuckDbAppender Append(int? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends a BIGINT or NULL.</summary>
    public DuckDbAppender Append(long? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends a DOUBLE or NULL.</summary>
    public DuckDbAppender Append(double? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends a DECIMAL or NULL.</summary>
    public DuckDbAppender Append(decimal? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends a DATE or NULL.</summary>
    public DuckDbAppender Append(DateOnly? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends a TIMESTAMP or NULL.</summary>
    public DuckDbAppender Append(DateTime? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends a UUID or NULL.</summary>
    public DuckDbAppender Append(Guid? value) => value.HasValue ? Append(value.Value) : AppendNull();

    /// <summary>Appends NULL.</summary>
    public DuckDbAppender AppendNull() => Check(NativeMethods.duckdb_append_null(Pointer));

    /// <summary>Appends a value of any supported CLR type (the overloads above), or NULL for null/DBNull.</summary>
    public DuckDbAppender AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        sbyte v => Append(v),
        short v => Append(v),
        int v => Append(v),
        long v => Append(v),
        byte v => Append(v),
        ushort v => Append(v),
        uint v => Append(v),
        ulong v => Append(v),
        BigInteger v => Append(v),
        float v => Append(v),
        double v => Append(v),
        decimal v => Append(v),
        string v => Append(v),
        char v => Append(v.ToString()),
        byte[] v => Append(v),
        DateOnly v => Append(v),
        TimeOnly v => Append(v),
        DateTime v => Append(v),
        DateTimeOffset v => Append(v),
        TimeSpan v => Append(v),
        DuckDbInterval v => Append(v),
        Guid v => Append(v),
        Enum v => Append(v.ToString()),
        _ => throw new NotSupportedException($"Values of type {value.GetType().Name} cannot be appended to {_table}."),
    };

    /// <summary>Ends the current row; DuckDB checks that every column received a value.</summary>
    public DuckDbAppender EndRow() => Check(NativeMethods.duckdb_appender_end_row(Pointer));

    /// <summary>Writes the buffered rows to the table.</summary>
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(Pointer));

    /// <summary>Flushes and closes the appender; further appends fail.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Check(NativeMethods.duckdb_appender_close(_handle.Pointer));
    }

    /// <summary>Closes (flushing what was appended) and releases the appender.</summary>
    public void Dispose()
    {
        try
        {
            if (!_handle.IsClosed)
            {
                Close();
            }
        }
        finally
        {
            _handle.Dispose();
        }
    }

    private IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_closed || _handle.IsClosed, this);
            return _handle.Pointer;
        }
    }

    private DuckDbAppender Check(DuckDbState state)
    {
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(_handle.Pointer));
            throw new DuckDbException(message ?? $"The appender for {_table} failed.") { Statement = $"append to {_table}" };
        }

        return this;
    }
}
