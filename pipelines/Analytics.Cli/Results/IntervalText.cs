using System.Globalization;
using System.Text;
using DuckDB.NET.Native;

namespace Analytics.Cli.Results;

/// <summary>A DuckDB INTERVAL written the way DuckDB prints it: <c>1 year 2 months 3 days 04:05:06.5</c>.</summary>
internal static class IntervalText
{
    /// <summary>The text of <paramref name="interval"/>; "00:00:00" when it is empty.</summary>
    public static string Of(DuckDBInterval interval)
    {
        var text = new StringBuilder();
        var years = interval.Months / 12;
        var months = interval.Months % 12;
        Part(text, years, "year");
        Part(text, months, "month");
        Part(text, interval.Days, "day");
        var micros = unchecked((long)interval.Micros); // DuckDB.NET exposes the signed int64 of the C API as ulong
        if (micros != 0 || text.Length == 0)
        {
            var time = TimeSpan.FromTicks(Math.Abs(micros) * TimeSpan.TicksPerMicrosecond);
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(micros < 0 ? "-" : string.Empty)
                .Append(((long)time.TotalHours).ToString("00", CultureInfo.InvariantCulture))
                .Append(time.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture));
            if (time.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                text.Append((time.Ticks % TimeSpan.TicksPerSecond / (double)TimeSpan.TicksPerSecond).ToString(".######", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static void Part(StringBuilder text, int count, string unit)
    {
        if (count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit).Append(count is 1 or -1 ? string.Empty : "s");
    }
}
