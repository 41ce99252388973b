using System.Runtime.CompilerServices;
using Analytics.DuckDb.Reading;

namespace Analytics.DuckDb;

// The value getters: each checks that there is a current row and a non-NULL value, then asks the column's reader.
public sealed partial class DuckDbDataReader
{
    /// <inheritdoc />
    public override string GetName(int ordinal) => _names[ordinal];

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"The result has no column named '{name}'; its columns are: {string.Join(", ", _names)}.");
    }

    /// <summary>DuckDB's name of the column type, such as <c>BIGINT</c>, <c>DECIMAL(18,2)</c> or <c>VARCHAR[]</c>.</summary>
    public override string GetDataTypeName(int ordinal) => _columns[ordinal].TypeName;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => _columns[ordinal].ClrType;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Column(ordinal).IsNull(_row);

    /// <inheritdoc />
    public override object GetValue(int ordinal)
    {
        var column = Column(ordinal);
        return column.IsNull(_row) ? DBNull.Value : column.GetValue(_row);
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, _columns.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => NonNull(ordinal).GetBoolean(_row);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => NonNull(ordinal).GetByte(_row);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => NonNull(ordinal).GetInt16(_row);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => NonNull(ordinal).GetInt32(_row);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => NonNull(ordinal).GetInt64(_row);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => NonNull(ordinal).GetFloat(_row);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => NonNull(ordinal).GetDouble(_row);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => NonNull(ordinal).GetDecimal(_row);

    /// <inheritdoc />
    public override string GetString(int ordinal) => NonNull(ordinal).GetString(_row);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => NonNull(ordinal).GetDateTime(_row);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => NonNull(ordinal).GetGuid(_row);

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = NonNull(ordinal).GetBytes(_row);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var available = (int)Math.Max(0, Math.Min(bytes.Length - dataOffset, length));
        bytes.Slice((int)dataOffset, available).CopyTo(buffer.AsSpan(bufferOffset));
        return available;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var available = (int)Math.Max(0, Math.Min(text.Length - dataOffset, length));
        text.AsSpan((int)dataOffset, available).CopyTo(buffer.AsSpan(bufferOffset));
        return available;
    }

    /// <summary>
    /// The value as <typeparamref name="T"/>: the column's natural type, a nullable form of it (NULL gives null), a
    /// numeric widening, <see cref="DateTime"/> for DATE, <see cref="DateTimeOffset"/> for timestamps,
    /// <see cref="TimeSpan"/> for month-free intervals, or <see cref="object"/>.
    /// </summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        var column = Column(ordinal);
        if (column.IsNull(_row))
        {
            if (default(T) is null && typeof(T) != typeof(DBNull))
            {
                return default!;
            }

            return typeof(T) == typeof(DBNull) || typeof(T) == typeof(object)
                ? (T)(object)DBNull.Value
                : throw NullValue(ordinal, typeof(T));
        }

        if (typeof(T) == typeof(long))
        {
            return (T)(object)column.GetInt64(_row);
        }

        if (typeof(T) == typeof(int))
        {
            return (T)(object)column.GetInt32(_row);
        }

        if (typeof(T) == typeof(double))
        {
            return (T)(object)column.GetDouble(_row);
        }

        if (typeof(T) == typeof(bool))
        {
            return (T)(object)column.GetBoolean(_row);
        }

        return typeof(T) == typeof(object) ? (T)column.GetValue(_row) : column.GetFieldValue<T>(_row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private VectorReader Column(int ordinal)
    {
        if (_state != ReaderState.InResult || (uint)_row >= (uint)_chunkSize)
        {
            throw new InvalidOperationException(_state == ReaderState.Closed
                ? "The data reader is closed."
                : "There is no current row; call Read() and check that it returned true.");
        }

        return _columns[ordinal];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private VectorReader NonNull(int ordinal)
    {
        var column = Column(ordinal);
        if (column.IsNull(_row))
        {
            throw NullValue(ordinal, null);
        }

        return column;
    }

    private InvalidCastException NullValue(int ordinal, Type? target) =>
        new($"Column '{_names[ordinal]}' (ordinal {ordinal}) is NULL in this row{(target is null ? string.Empty : $" and cannot be read as {target.Name}")}; check IsDBNull first or read a nullable type.");
}
