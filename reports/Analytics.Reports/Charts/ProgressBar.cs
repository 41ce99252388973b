using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// One labelled progress bar, e.g. a tier requirement: label left, bar in the middle, value text right.
/// A met goal is a solid dark bar with a check mark; an unmet one is hatched and outlined, so the two differ in black and white too.
/// </summary>
public static class ProgressBar
{
    /// <summary>Draws the bar into <paramref name="area"/> (one line high; the bar's thickness follows the area's height).</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="area">The box; nothing is drawn outside it.</param>
    /// <param name="label">What is measured, e.g. "Certified engineers".</param>
    /// <param name="progress">The share of the goal reached; drawn clamped to 0-1 (NaN counts as 0).</param>
    /// <param name="valueText">The figure on the right, e.g. "4 of 5".</param>
    /// <param name="isMet">Whether the goal is met.</param>
    public static void Draw(XGraphics g, XRect area, string label, double progress, string valueText, bool isMet)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (area.Width <= 4 || area.Height <= 2)
        {
            return;
        }

        var state = g.Save();
        g.IntersectClip(area);
        try
        {
            var fontSize = Math.Clamp(area.Height / 1.6, 5, 9);
            var font = ReportFonts.Of(fontSize);
            var bold = ReportFonts.Of(fontSize, bold: true);
            var text = new XSolidBrush(Palette.Text);

            var mark = isMet ? "✓ " : "";
            var value = mark + (valueText ?? "");
            // Fixed column shares, so bars stacked in a list line up whatever their texts.
            var valueWidth = area.Width * 0.24;
            var labelWidth = string.IsNullOrEmpty(label) ? 0 : area.Width * 0.38;
            var barLeft = area.Left + labelWidth + (labelWidth > 0 ? 6 : 0);
            var barRight = area.Right - valueWidth - 6;

            if (labelWidth > 0)
            {
                g.DrawReportText(TextFit.Ellipsize(g, label!, font, labelWidth), font, text,
                    new XRect(area.Left, area.Top, labelWidth, area.Height), XStringFormats.CenterLeft);
            }

            g.DrawReportText(TextFit.Ellipsize(g, value, bold, valueWidth + 0.5), bold, new XSolidBrush(isMet ? Palette.Good : Palette.Text),
                new XRect(area.Right - valueWidth - 0.5, area.Top, valueWidth + 0.5, area.Height), XStringFormats.CenterLeft);

            if (barRight - barLeft < 4)
            {
                return;
            }

            var thickness = Math.Min(area.Height - 2, Math.Max(4, area.Height * 0.55));
            var track = new XRect(barLeft, area.Top + (area.Height - thickness) / 2, barRight - barLeft, thickness);
            g.DrawRectangle(new XSolidBrush(Palette.Fill), track);

            var share = double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : 0;
            var filled = new XRect(track.Left, track.Top, track.Width * share, track.Height);
            if (isMet)
            {
                g.DrawRectangle(new XSolidBrush(Palette.Series(0)), filled);
            }
            else if (filled.Width > 0)
            {
                Hatch(g, filled, Palette.Series(1));
                g.DrawRectangle(new XPen(Palette.Series(1), 0.8), filled);
            }

            // The goal: the track's right end, marked so "almost" and "done" read apart.
            g.DrawRectangle(new XPen(Palette.Neutral, 0.5), track);
            g.DrawLine(new XPen(Palette.Text, 1.2), track.Right, track.Top - 1, track.Right, track.Bottom + 1);
        }
        finally
        {
            g.Restore(state);
        }
    }

    /// <summary>Fills a rectangle with diagonal lines (a pattern a black-and-white printer keeps).</summary>
    internal static void Hatch(XGraphics g, XRect rect, XColor color)
    {
        var state = g.Save();
        g.IntersectClip(rect);
        var pen = new XPen(color, 0.8);
        const double spacing = 3;
        for (var x = rect.Left - rect.Height; x < rect.Right; x += spacing)
        {
            g.DrawLine(pen, x, rect.Bottom, x + rect.Height, rect.Top);
        }

        g.Restore(state);
    }
}
