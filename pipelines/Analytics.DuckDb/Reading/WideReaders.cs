using System.Numerics;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>HUGEINT and UHUGEINT: 128-bit integers, read as <see cref="BigInteger"/>.</summary>
internal sealed unsafe class HugeIntReader(bool unsigned) : VectorReader(unsigned ? "UHUGEINT" : "HUGEINT")
{
    public override Type ClrType => typeof(BigInteger);

    private BigInteger Get(int row)
    {
        var value = ((DuckDbHugeInt*)Data)[row];
        var upper = unsigned ? (BigInteger)(ulong)value.Upper : value.Upper;
        return (upper << 64) | value.Lower;
    }

    public override object GetValue(int row) => Get(row);

    public override long GetInt64(int row) => (long)Get(row);

    public override int GetInt32(int row) => (int)Get(row);

    public override double GetDouble(int row) => (double)Get(row);

    public override decimal GetDecimal(int row) => (decimal)Get(row);
}

/// <summary>UUID: a hugeint with its top bit flipped, read as <see cref="Guid"/>.</summary>
internal sealed unsafe class UuidReader() : VectorReader("UUID")
{
    public override Type ClrType => typeof(Guid);

    public override Guid GetGuid(int row) => TemporalEncoding.GuidFromHugeInt(((DuckDbHugeInt*)Data)[row]);

    public override object GetValue(int row) => GetGuid(row);

    public override string GetString(int row) => GetGuid(row).ToString();

    public override TValue GetFieldValue<TValue>(int row) =>
        typeof(TValue) == typeof(Guid) || typeof(TValue) == typeof(Guid?)
            ? (TValue)(object)GetGuid(row)
            : base.GetFieldValue<TValue>(row);
}

/// <summary>ENUM: an index into the type's dictionary, read as the label string.</summary>
internal sealed unsafe class EnumReader(string[] labels, DuckDbType internalType) : VectorReader("ENUM")
{
    public override Type ClrType => typeof(string);

    public override string GetString(int row) => internalType switch
    {
        DuckDbType.UTinyInt => labels[Data[row]],
        DuckDbType.USmallInt => labels[((ushort*)Data)[row]],
        _ => labels[((uint*)Data)[row]],
    };

    public override object GetValue(int row) => GetString(row);
}

/// <summary>
/// LIST: each row is a (offset, length) entry into a child vector read by the child's own reader; the value is an
/// array of the child's nullable CLR type, e.g. <c>long?[]</c> for BIGINT[].
/// </summary>
internal sealed unsafe class ListReader(VectorReader child) : VectorReader(child.TypeName + "[]")
{
    public override Type ClrType { get; } =
        (child.ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(child.ClrType) : child.ClrType).MakeArrayType();

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        child.Bind(NativeMethods.duckdb_list_vector_get_child(vector));
    }

    public override object GetValue(int row)
    {
        var entry = ((DuckDbListEntry*)Data)[row];
        return child.ReadRange(checked((int)entry.Offset), checked((int)entry.Length));
    }
}

/// <summary>A type this binding does not read (STRUCT, MAP, UNION, ...): it says what to do instead.</summary>
internal sealed class UnsupportedReader(string typeName) : VectorReader(typeName)
{
    public override Type ClrType => typeof(object);

    public override object GetValue(int row) =>
        throw new NotSupportedException($"Reading DuckDB {TypeName} values is not supported by this binding; cast the column to VARCHAR (or unnest it) in SQL.");
}
