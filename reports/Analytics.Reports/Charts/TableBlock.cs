using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// A table that flows across pages: header row, zebra rows, cells ellipsized to their column, and when a page is full
/// a new page "(continued)" with the header repeated. Fill it with <see cref="AddRow"/>, then <see cref="Draw"/>.
/// </summary>
public sealed class TableBlock
{
    private const double CellPadding = 4;
    private const double WarningBarWidth = 2.5;

    // The first column starts further in, leaving room for the warning bar.
    private const double FirstCellIndent = 4;

    private readonly List<(IReadOnlyList<string> Cells, RowStyle Style)> _rows = [];

    /// <summary>Starts a table with the given columns.</summary>
    /// <param name="columns">The columns, left to right; at least one, each with a positive weight.</param>
    public TableBlock(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        var bad = columns.FirstOrDefault(c => c is null || !(c.Weight > 0) || double.IsInfinity(c.Weight));
        if (bad is not null || columns.Any(c => c is null))
        {
            throw new ArgumentException($"Column '{bad?.Header}' has weight {bad?.Weight}; weights must be positive finite numbers.", nameof(columns));
        }

        Columns = columns;
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>How many rows were added.</summary>
    public int RowCount => _rows.Count;

    /// <summary>The height of one row (and of the header) in points.</summary>
    public double RowHeight { get; init; } = 14;

    /// <summary>
    /// The least row height the table may shrink to so that it fits its first area whole instead of leaving a few rows
    /// to a continuation page (a page holding 2 rows reads as a mistake); null never shrinks. Shrinking happens only
    /// when every row then fits.
    /// </summary>
    public double? MinRowHeight { get; init; }

    // The row height of the draw in progress: RowHeight, or MinRowHeight when that keeps the table on one page.
    private double _height;

    /// <summary>Where the last <see cref="Draw"/> ended (the y below its last row) on the page it returned.</summary>
    public double EndY { get; private set; }

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One text per column.</param>
    /// <param name="style">How the row is set apart.</param>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public void AddRow(IReadOnlyList<string> cells, RowStyle style = RowStyle.Normal)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != Columns.Count)
        {
            throw new ArgumentException($"Row {_rows.Count + 1} has {cells.Count} cells; the table has {Columns.Count} columns.", nameof(cells));
        }

        _rows.Add((cells, style));
    }

    /// <summary>
    /// What an empty table says, in muted text where its rows would be: a sentence naming what there is none of, since a
    /// bare "None." under a caption far away reads as an orphan.
    /// </summary>
    public string EmptyText { get; init; } = "None.";

    /// <summary>
    /// Draws the table from the top of <paramref name="area"/>; when the area's page is full, adds a page headed
    /// "<paramref name="continuationHeading"/> (continued)", repeats the header there and carries on in that page's content.
    /// An empty table draws <see cref="EmptyText"/> in muted text. Moves the ending page's cursor below the table.
    /// </summary>
    /// <param name="document">The document pages are added to.</param>
    /// <param name="page">The page <paramref name="area"/> is on.</param>
    /// <param name="area">Where the table starts (its width is the table's width on every page).</param>
    /// <param name="continuationHeading">The heading of continuation pages, before " (continued)".</param>
    /// <returns>The page the table ended on; <see cref="EndY"/> says where.</returns>
    public ReportPage Draw(ReportDocument document, ReportPage page, XRect area, string continuationHeading)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(page);
        var g = page.Graphics;
        var y = area.Top;
        _height = RowHeight;
        if (MinRowHeight is { } least && least < RowHeight && y + (_rows.Count + 1) * RowHeight > area.Bottom + 0.01
            && y + (_rows.Count + 1) * least <= area.Bottom + 0.01)
        {
            _height = least;
        }

        if (_rows.Count == 0)
        {
            var font = ReportFonts.Of(8.5);
            g.DrawReportText(EmptyText, font, new XSolidBrush(Palette.Muted), new XRect(area.Left, y, area.Width, _height), XStringFormats.CenterLeft);
            return Finish(page, y + _height);
        }

        var widths = ColumnWidths(area.Width);
        // Never leave a header alone at the bottom of a page: it needs one row under it.
        if (y + 2 * _height > area.Bottom + 0.01)
        {
            (page, area) = Continue(document, continuationHeading, area);
            g = page.Graphics;
            y = area.Top;
        }

        y = DrawHeader(g, area, widths, y);
        for (var i = 0; i < _rows.Count; i++)
        {
            if (y + _height > area.Bottom + 0.01)
            {
                (page, area) = Continue(document, continuationHeading, area);
                g = page.Graphics;
                y = DrawHeader(g, area, widths, area.Top);
            }

            DrawRow(g, area, widths, y, _rows[i].Cells, _rows[i].Style, zebra: i % 2 == 1);
            y += _height;
        }

        g.DrawLine(new XPen(Palette.Grid, 0.6), area.Left, y, area.Right, y);
        return Finish(page, y);
    }

    private ReportPage Finish(ReportPage page, double endY)
    {
        EndY = endY;
        if (endY >= page.Content.Top && endY <= page.Content.Bottom + 0.01)
        {
            page.MoveTo(endY);
        }

        return page;
    }

    private static (ReportPage Page, XRect Area) Continue(ReportDocument document, string heading, XRect previous)
    {
        var page = document.AddPage((heading ?? "").Trim() + " (continued)");
        var content = page.Content;
        // Keep the table's horizontal placement; take the new page's full height.
        var left = Math.Max(content.Left, previous.Left);
        var width = Math.Min(previous.Width, content.Right - left);
        return (page, new XRect(left, content.Top, width, content.Height));
    }

    private double[] ColumnWidths(double total)
    {
        var sum = Columns.Sum(c => c.Weight);
        return [.. Columns.Select(c => total * c.Weight / sum)];
    }

    private double DrawHeader(XGraphics g, XRect area, double[] widths, double y)
    {
        var font = ReportFonts.TableCellBold;
        var row = new XRect(area.Left, y, area.Width, _height);
        g.DrawRectangle(new XSolidBrush(Palette.Fill), row);
        g.DrawLine(new XPen(Palette.Series(0), 0.9), area.Left, row.Bottom, area.Right, row.Bottom);
        DrawCells(g, area.Left, y, widths, [.. Columns.Select(c => c.Header)], font, new XSolidBrush(Palette.Text));
        return y + _height;
    }

    private void DrawRow(XGraphics g, XRect area, double[] widths, double y, IReadOnlyList<string> cells, RowStyle style, bool zebra)
    {
        var row = new XRect(area.Left, y, area.Width, _height);
        if (zebra)
        {
            g.DrawRectangle(new XSolidBrush(Palette.Fill), row);
        }

        var font = style is RowStyle.Emphasis or RowStyle.Warning ? ReportFonts.TableCellBold : ReportFonts.TableCell;
        var color = style switch
        {
            RowStyle.Warning => Palette.Bad,
            RowStyle.Muted => Palette.Muted,
            _ => Palette.Text,
        };

        if (style == RowStyle.Emphasis)
        {
            g.DrawLine(new XPen(Palette.Text, 0.7), area.Left, y, area.Right, y);
        }

        if (style == RowStyle.Warning)
        {
            // The bar is the black-and-white cue; colour and bold only reinforce it.
            g.DrawRectangle(new XSolidBrush(Palette.Bad), new XRect(area.Left, y + 1, WarningBarWidth, _height - 2));
        }

        DrawCells(g, area.Left, y, widths, cells, font, new XSolidBrush(color));
    }

    private void DrawCells(XGraphics g, double left, double y, double[] widths, IReadOnlyList<string> cells, XFont font, XBrush brush)
    {
        var x = left;
        for (var c = 0; c < Columns.Count; c++)
        {
            var indent = c == 0 ? FirstCellIndent : 0;
            var cellWidth = widths[c] - 2 * CellPadding - indent;
            var box = new XRect(x + CellPadding + indent, y, Math.Max(0, cellWidth), _height);
            var format = Columns[c].Align switch
            {
                ColumnAlign.Right => XStringFormats.CenterRight,
                ColumnAlign.Center => XStringFormats.Center,
                _ => XStringFormats.CenterLeft,
            };
            // A row tall enough for several lines wraps its cells (the last line ellipsized); otherwise one ellipsized line.
            var lineHeight = font.Size * 1.2;
            var maxLines = Math.Max(1, (int)Math.Floor((_height - 2) / lineHeight));
            var lines = maxLines == 1 ? [cells[c] ?? ""] : TextBlock.Wrap(g, cells[c] ?? "", font, cellWidth);
            if (lines.Count > maxLines)
            {
                lines = [.. lines.Take(maxLines - 1), string.Join(" ", lines.Skip(maxLines - 1))];
            }

            var top = y + (_height - lines.Count * lineHeight) / 2;
            for (var l = 0; l < lines.Count; l++)
            {
                var lineBox = lines.Count == 1 ? box : new XRect(box.X, top + l * lineHeight, box.Width, lineHeight);
                g.DrawReportText(TextFit.Ellipsize(g, lines[l], font, cellWidth), font, brush, lineBox, format);
            }
            x += widths[c];
        }
    }
}
