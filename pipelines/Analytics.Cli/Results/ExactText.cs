using System.Globalization;
using System.Numerics;

namespace Analytics.Cli.Results;

/// <summary>
/// Values as exact, invariant text for files other programs read back (CSV and JSON): numbers round-trip (shortest
/// round-trippable doubles, decimals with their scale), dates and times in ISO 8601. Unlike <see cref="CellText"/>,
/// nothing is rounded for the eye.
/// </summary>
internal static class ExactText
{
    /// <summary>Whether <paramref name="value"/> is a number (any integer width, float, double, decimal, HUGEINT).</summary>
    public static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    /// <summary>Writes a number (see <see cref="IsNumber"/>) without allocating for the common widths.</summary>
    public static void WriteNumber(TextWriter writer, object number)
    {
        var formattable = (ISpanFormattable)number;
        Span<char> buffer = stackalloc char[64];
        if (formattable.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..length]);
        }
        else
        {
            writer.Write(formattable.ToString(null, CultureInfo.InvariantCulture)); // a HUGEINT longer than 64 digits
        }
    }

    /// <summary>A DATE: <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A TIMESTAMP: <c>yyyy-MM-dd HH:mm:ss.ffffff</c> with the fraction only as long as it needs to be, the date and time
    /// parted by <paramref name="separator"/> ('T' in JSON, ' ' in CSV as DuckDB writes it); "Z" after a TIMESTAMP WITH
    /// TIME ZONE (<paramref name="utc"/>), which the binding reads in UTC.
    /// </summary>
    public static string Timestamp(DateTime value, char separator, bool utc)
    {
        var format = separator == 'T' ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF" : "yyyy-MM-dd HH:mm:ss.FFFFFFF";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return utc ? text + "Z" : text;
    }

    /// <summary>A TIME: <c>HH:mm:ss</c> with the fraction only as long as it needs to be.</summary>
    public static string Time(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Whether a column of DuckDB type <paramref name="dataType"/> holds instants read in UTC.</summary>
    public static bool IsUtc(string dataType) => dataType == "TimestampTz"; // DuckDB.NET's name of the type (GetDataTypeName)
}
