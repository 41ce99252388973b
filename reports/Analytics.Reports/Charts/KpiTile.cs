using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// A KPI tile: a label, a large figure, an optional delta with a trend arrow (green when good, red when bad; the arrow
/// carries the direction in black and white), and an optional sparkline along the bottom.
/// </summary>
public static class KpiTile
{
    /// <summary>Draws the tile into <paramref name="area"/>.</summary>
    /// <param name="page">The page the tile goes on.</param>
    /// <param name="area">The tile; nothing is drawn outside it.</param>
    /// <param name="label">What the figure is, e.g. "Sourced ARR".</param>
    /// <param name="value">The figure, already formatted, e.g. "$1.2M".</param>
    /// <param name="delta">The change, already formatted, e.g. "+$120K vs Q2".</param>
    /// <param name="trend">Which way the figure moved.</param>
    /// <param name="upIsGood">Whether a rise is good news (false for e.g. days to close).</param>
    /// <param name="sparkline">Recent values, oldest first.</param>
    public static void Draw(ReportPage page, XRect area, string label, string value, string? delta = null, Trend trend = Trend.Flat,
        bool upIsGood = true, IReadOnlyList<double>? sparkline = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var g = page.Graphics;
        if (area.Width < 10 || area.Height < 10)
        {
            return;
        }

        var state = g.Save();
        g.IntersectClip(area);
        try
        {
            var box = new XRect(area.Left + 0.5, area.Top + 0.5, area.Width - 1, area.Height - 1);
            g.DrawRoundedRectangle(new XPen(Palette.Grid, 0.8), new XSolidBrush(XColors.White), box, new XSize(6, 6));
            g.DrawRectangle(new XSolidBrush(Palette.Series(0)), new XRect(box.Left, box.Top + 3, 2.5, box.Height - 6));

            var inner = new XRect(box.Left + 9, box.Top + 6, box.Width - 15, box.Height - 12);
            var y = inner.Top;

            var labelFont = ReportFonts.Small;
            g.DrawReportText(TextFit.Ellipsize(g, label ?? "", labelFont, inner.Width), labelFont, new XSolidBrush(Palette.Muted),
                new XRect(inner.Left, y, inner.Width, labelFont.GetHeight()), XStringFormats.TopLeft);
            y += labelFont.GetHeight() + 1;

            var valueSize = TextFit.FitSize(g, value ?? "", ReportFonts.KpiValue.Size, 9, inner.Width, bold: true);
            valueSize = Math.Min(valueSize, Math.Max(6, (inner.Bottom - y) / 1.2));
            var valueFont = ReportFonts.Of(valueSize, bold: true);
            if (y + valueFont.GetHeight() <= inner.Bottom + 1)
            {
                g.DrawReportText(TextFit.Ellipsize(g, value ?? "", valueFont, inner.Width), valueFont, new XSolidBrush(Palette.Text),
                    new XRect(inner.Left, y, inner.Width, valueFont.GetHeight()), XStringFormats.TopLeft);
                y += valueFont.GetHeight() + 1;
            }

            if (!string.IsNullOrWhiteSpace(delta))
            {
                var deltaFont = ReportFonts.Of(8, bold: true);
                if (y + deltaFont.GetHeight() <= inner.Bottom + 1)
                {
                    var good = trend == Trend.Up ? upIsGood : trend == Trend.Down ? !upIsGood : (bool?)null;
                    var color = good switch { true => Palette.Good, false => Palette.Bad, null => Palette.Neutral };
                    var arrow = trend switch { Trend.Up => "▲", Trend.Down => "▼", _ => "▶" };
                    g.DrawReportText(TextFit.Ellipsize(g, arrow + " " + delta, deltaFont, inner.Width), deltaFont, new XSolidBrush(color),
                        new XRect(inner.Left, y, inner.Width, deltaFont.GetHeight()), XStringFormats.TopLeft);
                    y += deltaFont.GetHeight() + 2;
                }
            }

            if (sparkline is { Count: > 0 } && inner.Bottom - y >= 8)
            {
                var height = Math.Min(22, inner.Bottom - y);
                Sparkline.Draw(page, new XRect(inner.Left, inner.Bottom - height, inner.Width, height), sparkline);
            }
        }
        finally
        {
            g.Restore(state);
        }
    }
}
