using System.Data.Common;
using System.Text;
using Analytics.DuckDb;

namespace Analytics.Cli.Results;

/// <summary>
/// A result as a <see cref="TextTable"/>: only the first rows are kept (the table's widths need them all before the
/// first line is drawn); the rest are read and counted, never held.
/// </summary>
internal static class TableResultWriter
{
    /// <summary>Writes at most <paramref name="maxRows"/> rows of the reader's current result; returns how many there were and how many were shown.</summary>
    public static WrittenResult Write(DbDataReader reader, TextWriter writer, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var columns = ResultColumn.Of(reader);
        var rows = new List<string[]>(Math.Min(maxRows, 256));
        long count = 0;
        while (reader.Read())
        {
            if (count++ < maxRows)
            {
                var cells = new string[columns.Count];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.IsDBNull(i) ? "null" : Cell(reader.GetValue(i));
                }

                rows.Add(cells);
            }
        }

        TextTable.Write(writer, columns, rows);
        return new WrittenResult(count, rows.Count);
    }

    /// <summary>
    /// <see cref="CellText"/>, except for the two types it has no text of its own for: an INTERVAL as DuckDB prints it and
    /// a BLOB as DuckDB prints it (printable ASCII as is, other bytes as \xNN).
    /// </summary>
    private static string Cell(object value) => value switch
    {
        DuckDbInterval interval => IntervalText.Of(interval),
        byte[] blob => Blob(blob),
        _ => CellText.Of(value),
    };

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
                text.Append(@"\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
