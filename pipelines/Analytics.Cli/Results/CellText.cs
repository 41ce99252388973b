using System.Globalization;

namespace Analytics.Cli.Results;

/// <summary>How a value reads in a printed table: invariant culture, ISO dates, "null".</summary>
internal static class CellText
{
    /// <summary>The text for <paramref name="value"/> (a DuckDB reader value; DBNull reads "null").</summary>
    public static string Of(object? value) => value switch
    {
        null or DBNull => "null",
        bool b => b ? "true" : "false",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d == 0 ? "0" : d.ToString("0.######", CultureInfo.InvariantCulture), // never "-0"
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Of)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
