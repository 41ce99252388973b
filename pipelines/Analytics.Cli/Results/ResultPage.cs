using System.Data.Common;

namespace Analytics.Cli.Results;

/// <summary>
/// The first rows of a result as cell texts, with the count of all its rows: what a table (in the terminal or in a
/// notebook) shows. The rows past the page are read and counted, never held.
/// </summary>
internal sealed record ResultPage(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<string[]> Rows, long Count)
{
    /// <summary>Reads the reader's current result to its end, keeping at most <paramref name="maxRows"/> rows.</summary>
    public static ResultPage Read(DbDataReader reader, int maxRows)
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
                    cells[i] = CellText.Of(CellValue.Read(reader, i));
                }

                rows.Add(cells);
            }
        }

        return new ResultPage(columns, rows, count);
    }
}
