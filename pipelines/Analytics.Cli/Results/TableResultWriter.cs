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
        var page = ResultPage.Read(reader, maxRows);
        TextTable.Write(writer, page.Columns, page.Rows, maxCellWidth);
        return new WrittenResult(page.Count, page.Rows.Count);
    }
}
