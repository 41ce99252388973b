using Analytics.Reports.Charts;
using PdfSharp.Drawing;

namespace Analytics.Reports.Pdf;

/// <summary>Draws a paragraph wrapped at word boundaries within a width; the last line that fits is ellipsized when text is cut.</summary>
public static class TextBlock
{
    /// <summary>Draws <paramref name="text"/> wrapped within <paramref name="area"/>, top-aligned, and returns the height used.</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="area">The box; text never goes below its bottom (lines that do not fit are dropped, the last one ellipsized).</param>
    /// <param name="text">The text; "\n" starts a new line.</param>
    /// <param name="font">The font.</param>
    /// <param name="color">The colour; <see cref="Palette.Text"/> unless given.</param>
    /// <param name="alignment">Left, centre or right alignment of each line.</param>
    /// <param name="lineSpacing">Line height as a multiple of the font's line spacing.</param>
    /// <returns>The height used in points.</returns>
    public static double Draw(XGraphics g, XRect area, string text, XFont font, XColor? color = null,
        XStringAlignment alignment = XStringAlignment.Near, double lineSpacing = 1.0)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(font);
        var lineHeight = font.GetHeight() * lineSpacing;
        var lines = Wrap(g, text, font, area.Width);
        var fitting = Math.Max(0, (int)Math.Floor((area.Height + 0.01) / lineHeight));
        if (fitting < lines.Count && fitting > 0)
        {
            var last = lines[fitting - 1] + " " + lines[fitting];
            lines = [.. lines.Take(fitting - 1), TextFit.Ellipsize(g, last, font, area.Width)];
        }

        var brush = new XSolidBrush(color ?? Palette.Text);
        var format = alignment switch
        {
            XStringAlignment.Center => XStringFormats.TopCenter,
            XStringAlignment.Far => XStringFormats.TopRight,
            _ => XStringFormats.TopLeft,
        };
        var count = Math.Min(fitting, lines.Count);
        for (var i = 0; i < count; i++)
        {
            g.DrawReportText(lines[i], font, brush, new XRect(area.Left, area.Top + i * lineHeight, area.Width, lineHeight), format);
        }

        return count * lineHeight;
    }

    /// <summary>The height <paramref name="text"/> needs when wrapped within <paramref name="width"/>, without drawing.</summary>
    /// <param name="g">Graphics used to measure.</param>
    /// <param name="width">The width available.</param>
    /// <param name="text">The text.</param>
    /// <param name="font">The font.</param>
    /// <param name="lineSpacing">Line height as a multiple of the font's line spacing.</param>
    /// <returns>The height in points.</returns>
    public static double Measure(XGraphics g, double width, string text, XFont font, double lineSpacing = 1.0) =>
        Wrap(g, text, font, width).Count * font.GetHeight() * lineSpacing;

    /// <summary>Splits text into lines no wider than <paramref name="width"/>; a word wider than a line is cut by characters.
    /// The lines are <see cref="FontCoverage.Drawable"/>: no bidi or control characters, nothing the face lacks.</summary>
    /// <param name="g">Graphics used to measure.</param>
    /// <param name="text">The text.</param>
    /// <param name="font">The font.</param>
    /// <param name="width">The width available.</param>
    /// <returns>The lines, in order.</returns>
    public static IReadOnlyList<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(g);
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text) || width <= 0)
        {
            return lines;
        }

        text = FontCoverage.Drawable(text, font); // measured as it will be drawn

        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (g.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && g.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && g.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
