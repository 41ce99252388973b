using System.Data.Common;

namespace Analytics.Cli.Results;

/// <summary>One column of a query result: its name, DuckDB type and whether it is printed right-aligned.</summary>
internal sealed record ResultColumn(string Name, string DataType, bool IsNumeric)
{
    /// <summary>The columns of the reader's current result.</summary>
    public static IReadOnlyList<ResultColumn> Of(DbDataReader reader)
    {
        var columns = new ResultColumn[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var type = reader.GetFieldType(i);
            var numeric = type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
                || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(System.Numerics.BigInteger)
                || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort);
            columns[i] = new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), numeric);
        }

        return columns;
    }
}
