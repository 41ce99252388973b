using System.Collections;
using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Native;

namespace Analytics.Cli.Results;

/// <summary>
/// A result as RFC 4180 CSV, streamed row by row (nothing is buffered beyond the writer's own buffer): a header row,
/// CRLF line ends, a field quoted when it holds a comma, quote or line break (quotes doubled). NULL is an empty field,
/// an empty string is <c>""</c>, so the two stay apart. Values as <see cref="ExactText"/> writes them; LISTs as JSON
/// arrays (one quoted field). Unless told otherwise, a text cell (a string value or a column name) that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so a spreadsheet opening
/// the file shows it rather than running it as a formula (CSV injection); numbers, dates and the other typed values are
/// never guarded, so a negative number stays <c>-5</c>.
/// </summary>
internal static class CsvResultWriter
{
    private const string LineEnd = "\r\n";

    /// <summary>What a guarded text cell starts with.</summary>
    public const char FormulaGuard = '\'';

    /// <summary>The first characters that make a spreadsheet read a cell as a formula.</summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>Writes every row of the reader's current result; returns how many there were.</summary>
    /// <param name="reader">The reader, on the result to write.</param>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="guardFormulas">Whether text cells starting with one of <see cref="FormulaStarts"/> get a leading
    /// <see cref="FormulaGuard"/> (the default); false writes them as they are (<c>--csv-raw</c>, <c>.csvguard off</c>).</param>
    public static long Write(DbDataReader reader, TextWriter writer, bool guardFormulas = true)
    {
        var columns = ResultColumn.Of(reader);
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteText(writer, columns[i].Name, guardFormulas);
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
                    WriteValue(writer, CellValue.Read(reader, i), utc[i], guardFormulas);
                }
            }

            writer.Write(LineEnd);
            rows++;
        }

        return rows;
    }

    private static void WriteValue(TextWriter writer, object value, bool utc, bool guardFormulas)
    {
        switch (value)
        {
            case string text:
                WriteText(writer, text, guardFormulas);
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
                WriteText(writer, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, guardFormulas);
                break;
        }
    }

    /// <summary>Whether <paramref name="text"/> would be read as a formula by a spreadsheet.</summary>
    /// <param name="text">A text cell.</param>
    /// <returns>True when it starts with one of <see cref="FormulaStarts"/>.</returns>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && FormulaStarts.Contains(text[0], StringComparison.Ordinal);

    private static void WriteText(TextWriter writer, string text, bool guardFormulas = false)
    {
        if (guardFormulas && LooksLikeFormula(text))
        {
            text = FormulaGuard + text;
        }

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
