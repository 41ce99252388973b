using System.Data.Common;
using DuckDB.NET.Native;

namespace Analytics.Cli.Results;

/// <summary>
/// One cell of a DuckDB result as the printers expect it: DBNull for NULL, an INTERVAL as <see cref="DuckDBInterval"/>
/// (DuckDB.NET's <c>GetValue</c> reads intervals as <see cref="TimeSpan"/>, which cannot hold months), a BLOB as its bytes
/// (DuckDB.NET hands out a stream over memory that the next chunk reuses), a LIST of numbers with its NULL elements,
/// anything else as DuckDB.NET reads it.
/// </summary>
internal static class CellValue
{
    /// <summary>The value of column <paramref name="ordinal"/> in the reader's current row.</summary>
    public static object Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return DBNull.Value;
        }

        var type = reader.GetFieldType(ordinal);
        if (type == typeof(TimeSpan) && reader.GetDataTypeName(ordinal) == "Interval")
        {
            return reader.GetFieldValue<DuckDBInterval>(ordinal);
        }

        if (type == typeof(Stream))
        {
            using var blob = reader.GetStream(ordinal);
            using var bytes = new MemoryStream();
            blob.CopyTo(bytes);
            return bytes.ToArray();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0] is { IsValueType: true } element
            && Nullable.GetUnderlyingType(element) is null)
        {
            // DuckDB.NET reads LIST(INTEGER) as List<int>, which cannot hold a NULL element: read it as List<int?>.
            return NullableLists.GetOrAdd(element, e => ReadNullableList.MakeGenericMethod(e).CreateDelegate<Func<DbDataReader, int, object>>())(reader, ordinal);
        }

        return reader.GetValue(ordinal);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<DbDataReader, int, object>> NullableLists = new();

    private static readonly System.Reflection.MethodInfo ReadNullableList =
        typeof(CellValue).GetMethod(nameof(NullableList), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static object NullableList<T>(DbDataReader reader, int ordinal) where T : struct => reader.GetFieldValue<List<T?>>(ordinal);
}
