using System.Data.Common;

namespace Analytics.Cli.Results;

/// <summary>
/// A result as a <see cref="TextTable"/>: only the first rows are kept (the table's widths need them all before the
/// first line is drawn); the rest are read and counted, never held.
/// </summary>
internal static class TableResultWriter
{
    /// <summary>Writes at most <paramref name="maxRows"/> rows of the reader's current result; returns how many there were and how many were shown.</summary>
    public static WrittenResult Write(DbDataReader reader, TextWriter writer, int maxRows, int maxCellWidth = TextTable.MaxCellWidth)
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
                    cells[i] = CellText.Of(reader.GetValue(i));
                }

                rows.Add(cells);
            }
        }

        TextTable.Write(writer, columns, rows, maxCellWidth);
        return new WrittenResult(count, rows.Count);
    }
}
