using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Qbr;

/// <summary>Layout steps the QBR packs share: columns of a rectangle, a section caption, a paragraph, a KPI row.</summary>
internal static class PackLayout
{
    /// <summary>Space between blocks.</summary>
    public const double Gap = 14;

    /// <summary><paramref name="count"/> equal columns of <paramref name="area"/> separated by <see cref="Gap"/>.</summary>
    public static XRect[] Columns(XRect area, int count, double gap = Gap)
    {
        var width = (area.Width - gap * (count - 1)) / count;
        return Enumerable.Range(0, count).Select(i => new XRect(area.Left + i * (width + gap), area.Top, width, area.Height)).ToArray();
    }

    /// <summary>Splits <paramref name="area"/> into a left part of <paramref name="share"/> of the width and the rest.</summary>
    public static (XRect Left, XRect Right) SplitColumns(XRect area, double share, double gap = Gap)
    {
        var left = (area.Width - gap) * share;
        return (new XRect(area.Left, area.Top, left, area.Height), new XRect(area.Left + left + gap, area.Top, area.Width - left - gap, area.Height));
    }

    /// <summary>A paragraph at the page's cursor, wrapped to the content width; returns nothing, moves the cursor.</summary>
    public static void Paragraph(ReportPage page, string text, XFont? font = null, XColor? color = null)
    {
        var used = TextBlock.Measure(page.Graphics, page.Content.Width, text, font ?? ReportFonts.Body);
        var area = page.Take(Math.Min(used, page.Remaining), 6);
        TextBlock.Draw(page.Graphics, area, text, font ?? ReportFonts.Body, color ?? Palette.Text);
    }

    /// <summary>A bold caption above a block.</summary>
    public static void Caption(ReportPage page, string text) => Paragraph(page, text, ReportFonts.Subheading);

    /// <summary>A row of KPI tiles at the cursor.</summary>
    public static void KpiRow(ReportPage page, double height, params Action<ReportPage, XRect>[] tiles)
    {
        var row = page.Take(height, Gap);
        var cells = Columns(row, tiles.Length, 10);
        for (var i = 0; i < tiles.Length; i++)
        {
            tiles[i](page, cells[i]);
        }
    }

    /// <summary>The trend of a change: up, down or flat.</summary>
    public static Trend TrendOf(double? delta) => delta switch
    {
        > 0 => Trend.Up,
        < 0 => Trend.Down,
        _ => Trend.Flat,
    };

    /// <summary>Quarter-over-quarter relative change, or null when there is nothing to compare with.</summary>
    public static double? Change(double current, double? previous) => previous is > 0 ? current / previous.Value - 1 : null;

    /// <summary>A nullable share as a percentage, "n/a" when null.</summary>
    public static string Percent(double? share, int decimals = 0) => share is { } s ? NumberFormat.Percent(s, decimals) : NumberFormat.NotAvailable;

    /// <summary>A nullable money amount, "n/a" when null.</summary>
    public static string Money(double? value) => value is { } v ? NumberFormat.Money(v) : NumberFormat.NotAvailable;

    /// <summary>
    /// Below a capped list: how many rows it shows of how many and where every row is (a warehouse table), so that
    /// nothing is left out silently; nothing when the list holds every row.
    /// </summary>
    public static void ListedOf(ReportPage page, int listed, int total, string what, string where)
    {
        if (listed < total)
        {
            Paragraph(page, $"{NumberFormat.Count(listed)} of {NumberFormat.Count(total)} {what} listed; all {NumberFormat.Count(total)} are in the warehouse table {where}.",
                ReportFonts.Small, Palette.Muted);
        }
    }

    /// <summary>Draws a table from the cursor to the bottom of the content area, continuing onto new pages.</summary>
    public static ReportPage Table(ReportDocument document, ReportPage page, TableBlock table, string continuationHeading)
    {
        var end = table.Draw(document, page, page.RemainingArea, continuationHeading);
        end.MoveTo(table.EndY + Gap);
        return end;
    }
}
