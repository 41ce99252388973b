using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// Reads one column of a data chunk in place: the vector's data pointer and validity mask are taken once per chunk
/// (<see cref="Bind"/>), then each row is a pointer read. One subclass per physical type, chosen once per column
/// by <see cref="VectorReaderFactory"/> (duckdb.h, "Vector Interface" and "Validity Mask Functions").
/// </summary>
internal abstract unsafe class VectorReader(string typeName)
{
    private ulong* _validity;

    /// <summary>The vector's data buffer for the current chunk.</summary>
    protected byte* Data { get; private set; }

    /// <summary>DuckDB's name of the column type, such as <c>DECIMAL(18,2)</c>.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The CLR type <see cref="GetValue"/> returns.</summary>
    public abstract Type ClrType { get; }

    /// <summary>Points the reader at a new vector (a new chunk).</summary>
    public virtual void Bind(IntPtr vector)
    {
        Data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        _validity = (ulong*)NativeMethods.duckdb_vector_get_validity(vector);
    }

    /// <summary>True when the row holds NULL. A missing validity mask means "no NULLs in this vector".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row) => _validity != null && (_validity[row >> 6] & (1UL << (row & 63))) == 0;

    /// <summary>The value as its natural CLR type (see <see cref="ClrType"/>); the caller has checked for NULL.</summary>
    public abstract object GetValue(int row);

    public virtual bool GetBoolean(int row) => Convert.ToBoolean(GetValue(row), CultureInfo.InvariantCulture);

    public virtual byte GetByte(int row) => Convert.ToByte(GetValue(row), CultureInfo.InvariantCulture);

    public virtual short GetInt16(int row) => Convert.ToInt16(GetValue(row), CultureInfo.InvariantCulture);

    public virtual int GetInt32(int row) => Convert.ToInt32(GetValue(row), CultureInfo.InvariantCulture);

    public virtual long GetInt64(int row) => Convert.ToInt64(GetValue(row), CultureInfo.InvariantCulture);

    public virtual float GetFloat(int row) => Convert.ToSingle(GetValue(row), CultureInfo.InvariantCulture);

    public virtual double GetDouble(int row) => Convert.ToDouble(GetValue(row), CultureInfo.InvariantCulture);

    public virtual decimal GetDecimal(int row) => Convert.ToDecimal(GetValue(row), CultureInfo.InvariantCulture);

    public virtual string GetString(int row) => throw CannotRead(typeof(string));

    public virtual DateTime GetDateTime(int row) => throw CannotRead(typeof(DateTime));

    public virtual Guid GetGuid(int row) => throw CannotRead(typeof(Guid));

    /// <summary>Raw bytes of a BLOB or VARCHAR value; other types refuse.</summary>
    public virtual ReadOnlySpan<byte> GetBytes(int row) => throw CannotRead(typeof(byte[]));

    /// <summary>Reads the value as <typeparamref name="T"/> when it is neither its natural type nor a primitive getter.</summary>
    public virtual T GetFieldValue<T>(int row)
    {
        var value = GetValue(row);
        if (value is T typed)
        {
            return typed;
        }

        try
        {
            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException($"A {TypeName} value ({value}) cannot be read as {typeof(T).Name}.", e);
        }
    }

    /// <summary>Copies <paramref name="count"/> rows starting at <paramref name="offset"/> into a new array of the
    /// nullable form of <see cref="ClrType"/> (used for LIST children).</summary>
    public virtual Array ReadRange(int offset, int count)
    {
        var elementType = ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(ClrType) : ClrType;
        var array = Array.CreateInstance(elementType, count);
        for (var i = 0; i < count; i++)
        {
            array.SetValue(IsNull(offset + i) ? null : GetValue(offset + i), i);
        }

        return array;
    }

    protected InvalidCastException CannotRead(Type target) =>
        new($"A {TypeName} column cannot be read as {target.Name}.");
}
