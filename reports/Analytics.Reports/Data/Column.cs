using System.Data.Common;

namespace Analytics.Reports.Data;

/// <summary>Reads a column of a warehouse row as the type reports use (numbers as double, whatever DuckDB type).</summary>
public static class Column
{
    /// <summary>A number, or null.</summary>
    public static double? Number(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger huge => (double)huge, // sum() of integers is a HUGEINT
        var value => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A number, 0 when null (sums over nothing).</summary>
    public static double Amount(DbDataReader row, int ordinal) => Number(row, ordinal) ?? 0;

    /// <summary>A whole number, 0 when null.</summary>
    public static int Count(DbDataReader row, int ordinal) => (int)Math.Round(Amount(row, ordinal));

    /// <summary>Text, or null.</summary>
    public static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
