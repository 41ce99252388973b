using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// What is drawn around a chart on the page itself: its title above, and, when there is nothing to chart, one line of
/// text in place of the chart (never an empty axis running from $0 to $1).
/// </summary>
internal static class ChartBox
{
    /// <summary>Used when a chart has no value to show and the caller gave no words of its own.</summary>
    public const string DefaultEmptyText = "Nothing to chart: no figures for this period.";

    /// <summary>
    /// Draws the title at the top of <paramref name="area"/>; when <paramref name="hasData"/> is false, draws
    /// <paramref name="emptyText"/> below it and returns null, else returns the area below the title for the chart.
    /// </summary>
    public static XRect? Begin(ReportPage page, XRect area, string? title, bool hasData, string? emptyText)
    {
        ArgumentNullException.ThrowIfNull(page);
        var g = page.Graphics;
        var body = area;
        if (!string.IsNullOrWhiteSpace(title))
        {
            var font = ReportFonts.Subheading;
            var height = font.GetHeight();
            g.DrawReportText(TextFit.Ellipsize(g, title, font, area.Width), font, new XSolidBrush(Palette.Text),
                new XRect(area.Left, area.Top, area.Width, height), XStringFormats.TopLeft);
            body = new XRect(area.Left, area.Top + height + 4, area.Width, Math.Max(0, area.Height - height - 4));
        }

        if (hasData)
        {
            return body;
        }

        var text = ReportFonts.Body;
        g.DrawReportText(TextFit.Ellipsize(g, string.IsNullOrWhiteSpace(emptyText) ? DefaultEmptyText : emptyText, text, body.Width), text,
            new XSolidBrush(Palette.Muted), new XRect(body.Left, body.Top + 2, body.Width, text.GetHeight()), XStringFormats.TopLeft);
        return null;
    }

    /// <summary>
    /// Draws the legend of a chart with more than one series in rows at the top of <paramref name="body"/> (so it never
    /// covers bars or lines) and returns the area below it; a single series needs none and gets the whole area back.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="body">The chart's area below its title.</param>
    /// <param name="names">The series names.</param>
    /// <param name="lines">Keys are line samples (line charts) rather than swatches (bars).</param>
    public static XRect Legend(ReportPage page, XRect body, IReadOnlyList<string> names, bool lines)
    {
        if (names.Count <= 1)
        {
            return body;
        }

        var g = page.Graphics;
        var font = ReportFonts.Small;
        var rowHeight = font.GetHeight() + 3;
        const double keyWidth = 14, keyGap = 4, entryGap = 12;
        double x = body.Left, y = body.Top;
        var brush = new XSolidBrush(Palette.Text);
        for (var i = 0; i < names.Count; i++)
        {
            var text = TextFit.Ellipsize(g, names[i] ?? "", font, Math.Max(10, body.Width / 2));
            var width = keyWidth + keyGap + g.MeasureString(text, font).Width;
            if (x > body.Left && x + width > body.Right)
            {
                x = body.Left;
                y += rowHeight;
            }

            var key = new XRect(x, y + (rowHeight - 8) / 2 - 1, keyWidth, 8);
            if (lines)
            {
                var pen = new XPen(Palette.LineSeries(i), 1.4) { DashStyle = (i % 4) switch { 0 => XDashStyle.Solid, 1 => XDashStyle.Dash, 2 => XDashStyle.Dot, _ => XDashStyle.DashDot } };
                g.DrawLine(pen, key.Left, key.Top + key.Height / 2, key.Right, key.Top + key.Height / 2);
            }
            else
            {
                g.DrawRectangle(new XPen(Palette.Darker(Palette.Series(i)), 0.4), new XSolidBrush(Palette.Series(i)), key);
            }

            g.DrawReportText(text, font, brush, new XRect(x + keyWidth + keyGap, y, width, rowHeight - 2), XStringFormats.CenterLeft);
            x += width + entryGap;
        }

        var used = y + rowHeight + 2 - body.Top;
        return new XRect(body.Left, body.Top + used, body.Width, Math.Max(0, body.Height - used));
    }

    /// <summary>Whether any series has a finite value other than zero for one of the categories.</summary>
    public static bool HasData(IReadOnlyList<string>? categories, IReadOnlyList<Series>? series) =>
        categories is { Count: > 0 } && series is { Count: > 0 } &&
        series.Any(s => s?.Values is not null && Enumerable.Range(0, categories.Count).Any(i => s.ValueAt(i) is { } v && v != 0));
}
