using System.Globalization;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// Fixed-width numbers stored as their C type (BOOLEAN as a byte is handled by <see cref="BooleanReader"/>). The
/// getter matching <typeparamref name="T"/> is a single load; `(long)(object)x` is folded away by the JIT for each
/// value-type instantiation, so no boxing happens on the matching path.
/// </summary>
internal sealed unsafe class PrimitiveReader<T>(string typeName) : VectorReader(typeName)
    where T : unmanaged, IConvertible
{
    public override Type ClrType => typeof(T);

    private T Get(int row) => ((T*)Data)[row];

    public override object GetValue(int row) => Get(row);

    public override long GetInt64(int row) => typeof(T) == typeof(long) ? (long)(object)Get(row) : Get(row).ToInt64(CultureInfo.InvariantCulture);

    public override int GetInt32(int row) => typeof(T) == typeof(int) ? (int)(object)Get(row) : Get(row).ToInt32(CultureInfo.InvariantCulture);

    public override short GetInt16(int row) => typeof(T) == typeof(short) ? (short)(object)Get(row) : Get(row).ToInt16(CultureInfo.InvariantCulture);

    public override byte GetByte(int row) => typeof(T) == typeof(byte) ? (byte)(object)Get(row) : Get(row).ToByte(CultureInfo.InvariantCulture);

    public override double GetDouble(int row) => typeof(T) == typeof(double) ? (double)(object)Get(row) : Get(row).ToDouble(CultureInfo.InvariantCulture);

    public override float GetFloat(int row) => typeof(T) == typeof(float) ? (float)(object)Get(row) : Get(row).ToSingle(CultureInfo.InvariantCulture);

    public override decimal GetDecimal(int row) => Get(row).ToDecimal(CultureInfo.InvariantCulture);

    public override TValue GetFieldValue<TValue>(int row) =>
        typeof(TValue) == typeof(T) ? (TValue)(object)Get(row) : base.GetFieldValue<TValue>(row);

    public override Array ReadRange(int offset, int count)
    {
        var array = new T?[count];
        for (var i = 0; i < count; i++)
        {
            array[i] = IsNull(offset + i) ? null : Get(offset + i);
        }

        return array;
    }
}

/// <summary>BOOLEAN: one byte per row, 0 or 1.</summary>
internal sealed unsafe class BooleanReader() : VectorReader("BOOLEAN")
{
    public override Type ClrType => typeof(bool);

    public override bool GetBoolean(int row) => Data[row] != 0;

    public override object GetValue(int row) => GetBoolean(row);
}
