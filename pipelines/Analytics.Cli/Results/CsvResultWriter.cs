using System.Collections;
using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Native;

namespace Analytics.Cli.Results;

/// <summary>
/// A result as RFC 4180 CSV, streamed row by row (nothing is buffered beyond the writer's own buffer): a header row,
/// CRLF line ends, a field quoted when it holds a comma, quote or line break (quotes doubled). NULL is an empty field,
/// an empty string is <c>""</c>, so the two stay apart. Values as <see cref="ExactText"/> writes them; LISTs as JSON
/// arrays (one quoted field).
/// </summary>
internal static class CsvResultWriter
{
    private const string LineEnd = "\r\n";

    /// <summary>Writes every row of the reader's current result; returns how many there were.</summary>
    public static long Write(DbDataReader reader, TextWriter writer)
    {
        var columns = ResultColumn.Of(reader);
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteText(writer, columns[i].Name);
        }

        writer.Write(LineEnd);
        var utc = columns.Select(c => ExactText.IsUtc(c.DataType)).ToArray();
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                if (!reader.IsDBNull(i))
                {
                    WriteValue(writer, CellValue.Read(reader, i), utc[i]);
                }
            }

            writer.Write(LineEnd);
            rows++;
        }

        return rows;
    }

    private static void WriteValue(TextWriter writer, object value, bool utc)
    {
        switch (value)
        {
            case string text:
                WriteText(writer, text);
                break;
            case bool flag:
                writer.Write(flag ? "true" : "false");
                break;
            case DateOnly date:
                writer.Write(ExactText.Date(date));
                break;
            case DateTime timestamp:
                writer.Write(ExactText.Timestamp(timestamp, ' ', utc));
                break;
            case TimeOnly time:
                writer.Write(ExactText.Time(time));
                break;
            case DuckDBInterval interval:
                writer.Write(IntervalText.Of(interval));
                break;
            case Guid id:
                writer.Write(id.ToString("D"));
                break;
            case byte[] blob:
                writer.Write(Convert.ToBase64String(blob));
                break;
            case object number when ExactText.IsNumber(number):
                ExactText.WriteNumber(writer, number);
                break;
            case IEnumerable list:
                using (var json = new StringWriter(CultureInfo.InvariantCulture))
                {
                    JsonText.WriteValue(json, list, utc);
                    WriteText(writer, json.ToString());
                }

                break;
            default:
                WriteText(writer, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void WriteText(TextWriter writer, string text)
    {
        if (text.Length > 0 && text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(text);
            return;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
