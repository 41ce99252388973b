using System.Text;

namespace Analytics.Cli.Results;

/// <summary>
/// A result as a box-drawn plain-text table (what the sql shell's table mode and a notebook's text output show):
/// one column per result column, numbers right-aligned, each cell on one line and cut at <see cref="MaxCellWidth"/>
/// characters with an ellipsis, so a wide value never wraps a row. It renders rows it is given; the caller decides how
/// many to buffer.
/// </summary>
internal static class TextTable
{
    /// <summary>The widest a cell is printed; longer text ends in "…".</summary>
    public const int MaxCellWidth = 40;

    /// <summary>
    /// Writes <paramref name="rows"/> (cell texts, one array per row) under the headers of <paramref name="columns"/>,
    /// each cell cut at <paramref name="maxCellWidth"/> characters (the catalog prints whole descriptions).
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<ResultColumn> columns, IReadOnlyList<string[]> rows, int maxCellWidth = MaxCellWidth)
    {
        string Fit(string text) => TextTable.Fit(text, maxCellWidth);

        var widths = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            widths[i] = Math.Max(Fit(columns[i].Name).Length, rows.Count == 0 ? 0 : rows.Max(r => Fit(r[i]).Length));
        }

        writer.WriteLine(Rule('┌', '┬', '┐', widths));
        writer.WriteLine(Line(columns.Select(c => Fit(c.Name)).ToArray(), widths, _ => false));
        writer.WriteLine(Rule('├', '┼', '┤', widths));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row.Select(Fit).ToArray(), widths, i => columns[i].IsNumeric));
        }

        writer.WriteLine(Rule('└', '┴', '┘', widths));
    }

    /// <summary>The table as one string (lines end in "\n").</summary>
    public static string Render(IReadOnlyList<ResultColumn> columns, IReadOnlyList<string[]> rows)
    {
        using var writer = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        Write(writer, columns, rows);
        return writer.ToString();
    }

    /// <summary>One line of text no wider than <paramref name="maxWidth"/>: line breaks and tabs become spaces.</summary>
    public static string Fit(string text, int maxWidth = MaxCellWidth)
    {
        var flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        return flat.Length <= maxWidth ? flat : string.Concat(flat.AsSpan(0, maxWidth - 1), "…");
    }

    private static string Rule(char left, char middle, char right, int[] widths) =>
        left + string.Join(middle, widths.Select(w => new string('─', w + 2))) + right;

    private static string Line(string[] cells, int[] widths, Func<int, bool> rightAligned)
    {
        var builder = new StringBuilder("│");
        for (var i = 0; i < cells.Length; i++)
        {
            builder.Append(' ').Append(rightAligned(i) ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i])).Append(" │");
        }

        return builder.ToString();
    }
}
