using System.Globalization;
using System.Text;
using DuckDB.NET.Native;

namespace Analytics.Cli.Results;

/// <summary>How a value reads in a printed table: invariant culture, ISO dates, "null"; intervals and BLOBs as DuckDB prints them.</summary>
internal static class CellText
{
    /// <summary>The text for <paramref name="value"/> (a DuckDB reader value; DBNull reads "null").</summary>
    public static string Of(object? value) => value switch
    {
        null or DBNull => "null",
        bool b => b ? "true" : "false",
        DuckDBInterval interval => IntervalText.Of(interval),
        byte[] blob => Blob(blob),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d == 0 ? "0" : d.ToString("0.######", CultureInfo.InvariantCulture), // never "-0"
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IDictionary map => "{" + string.Join(", ", Entries(map).Select(e => $"{Of(e.Key)}: {Of(e.Value)}")) + "}",
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Of)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A STRUCT's or MAP's entries (a generic dictionary enumerates KeyValuePairs unless asked as an IDictionary).</summary>
    private static IEnumerable<System.Collections.DictionaryEntry> Entries(System.Collections.IDictionary map)
    {
        var entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    /// <summary>A BLOB as DuckDB prints it: printable ASCII as is, other bytes as \xNN.</summary>
    private static string Blob(byte[] blob)
    {
        var text = new StringBuilder(blob.Length);
        foreach (var b in blob)
        {
            if (b is >= 0x20 and < 0x7f and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(@"\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
