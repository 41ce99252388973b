using System.Text;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// VARCHAR and BLOB: each row is a 16-byte duckdb_string_t, a uint32 length then either the bytes inline (up to 12)
/// or a 4-byte prefix and a pointer. Text is decoded only when asked for.
/// </summary>
internal sealed unsafe class StringReader(string typeName, bool isBlob) : VectorReader(typeName)
{
    private const int InlineLength = 12;

    public override Type ClrType => isBlob ? typeof(byte[]) : typeof(string);

    public override ReadOnlySpan<byte> GetBytes(int row)
    {
        var entry = Data + row * 16;
        var length = *(uint*)entry;
        var bytes = length <= InlineLength ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(bytes, checked((int)length));
    }

    public override string GetString(int row) => isBlob
        ? throw CannotRead(typeof(string))
        : Encoding.UTF8.GetString(GetBytes(row));

    public override object GetValue(int row) => isBlob ? GetBytes(row).ToArray() : GetString(row);

    public override TValue GetFieldValue<TValue>(int row)
    {
        if (typeof(TValue) == typeof(string) && !isBlob)
        {
            return (TValue)(object)GetString(row);
        }

        return typeof(TValue) == typeof(char) && !isBlob
            ? (TValue)(object)GetString(row)[0]
            : base.GetFieldValue<TValue>(row);
    }
}
