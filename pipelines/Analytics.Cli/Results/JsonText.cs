using System.Collections;
using System.Globalization;
using DuckDB.NET.Native;

namespace Analytics.Cli.Results;

/// <summary>
/// Reader values as JSON: numbers as numbers, text, dates, times, intervals and UUIDs as strings (ISO 8601 for dates
/// and times), BLOBs as base64 strings, LISTs as arrays, NULL as null. JSON has no NaN or infinity, so those doubles
/// are the strings "NaN", "Infinity" and "-Infinity" (as System.Text.Json's named floating-point literals read them).
/// </summary>
internal static class JsonText
{
    /// <summary>Writes <paramref name="value"/>; <paramref name="utc"/> marks a TIMESTAMP WITH TIME ZONE column.</summary>
    public static void WriteValue(TextWriter writer, object? value, bool utc)
    {
        switch (value)
        {
            case null or DBNull:
                writer.Write("null");
                break;
            case string text:
                WriteString(writer, text);
                break;
            case bool flag:
                writer.Write(flag ? "true" : "false");
                break;
            case double d when !double.IsFinite(d):
                WriteString(writer, d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f when !float.IsFinite(f):
                WriteString(writer, f.ToString(CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                WriteString(writer, ExactText.Date(date));
                break;
            case DateTime timestamp:
                WriteString(writer, ExactText.Timestamp(timestamp, 'T', utc));
                break;
            case TimeOnly time:
                WriteString(writer, ExactText.Time(time));
                break;
            case DuckDBInterval interval:
                WriteString(writer, IntervalText.Of(interval));
                break;
            case Guid id:
                WriteString(writer, id.ToString("D"));
                break;
            case byte[] blob:
                WriteString(writer, Convert.ToBase64String(blob));
                break;
            case object number when ExactText.IsNumber(number):
                ExactText.WriteNumber(writer, number);
                break;
            case IDictionary map: // STRUCT (field → value) and MAP (key → value): a JSON object, keys as text
                writer.Write('{');
                var firstEntry = true;
                foreach (DictionaryEntry entry in map)
                {
                    if (!firstEntry)
                    {
                        writer.Write(',');
                    }

                    firstEntry = false;
                    WriteString(writer, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    writer.Write(':');
                    WriteValue(writer, entry.Value, utc);
                }

                writer.Write('}');
                break;
            case IEnumerable list:
                writer.Write('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first)
                    {
                        writer.Write(',');
                    }

                    first = false;
                    WriteValue(writer, item, utc);
                }

                writer.Write(']');
                break;
            default:
                WriteString(writer, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>Writes <paramref name="text"/> as a JSON string: quotes, backslashes and control characters escaped, the rest as is.</summary>
    public static void WriteString(TextWriter writer, string text)
    {
        writer.Write('"');
        var span = text.AsSpan();
        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c >= ' ' && c != '"' && c != '\\')
            {
                continue;
            }

            writer.Write(span[start..i]);
            writer.Write(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
            start = i + 1;
        }

        writer.Write(span[start..]);
        writer.Write('"');
    }
}
