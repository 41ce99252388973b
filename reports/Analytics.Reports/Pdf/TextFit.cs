using PdfSharp.Drawing;

namespace Analytics.Reports.Pdf;

/// <summary>Makes text fit a width: shortens with an ellipsis, or finds the largest font size that fits.</summary>
public static class TextFit
{
    /// <summary>The character that marks shortened text.</summary>
    public const string Ellipsis = "…";

    /// <summary>The text (as <see cref="FontCoverage.Drawable"/> makes it) when it fits <paramref name="maxWidth"/>, else its longest prefix that fits followed by "…" ("" when not even "…" fits).</summary>
    /// <param name="g">Graphics used to measure.</param>
    /// <param name="text">The text.</param>
    /// <param name="font">The font it is drawn in.</param>
    /// <param name="maxWidth">The width available, in points.</param>
    /// <returns>The text, shortened if needed.</returns>
    public static string Ellipsize(XGraphics g, string text, XFont font, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(font);
        text = FontCoverage.Drawable(text, font); // measured as it will be drawn
        if (string.IsNullOrEmpty(text) || g.MeasureString(text, font).Width <= maxWidth)
        {
            return text ?? "";
        }

        if (g.MeasureString(Ellipsis, font).Width > maxWidth)
        {
            return "";
        }

        // Binary search over the prefix length: measuring is the expensive part.
        int low = 0, high = text.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (g.MeasureString(Candidate(text, mid), font).Width <= maxWidth)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return Candidate(text, low);
    }

    /// <summary>The largest size from <paramref name="maxSize"/> down to <paramref name="minSize"/> (0.5 pt steps) at which the text fits; <paramref name="minSize"/> when none does.</summary>
    /// <param name="g">Graphics used to measure.</param>
    /// <param name="text">The text.</param>
    /// <param name="maxSize">The preferred size.</param>
    /// <param name="minSize">The smallest acceptable size.</param>
    /// <param name="maxWidth">The width available, in points.</param>
    /// <param name="bold">Whether the font is bold.</param>
    /// <returns>The font size in points.</returns>
    public static double FitSize(XGraphics g, string text, double maxSize, double minSize, double maxWidth, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(g);
        // Width grows linearly with size, so one measurement at the preferred size is enough.
        var font = ReportFonts.Of(maxSize, bold);
        var width = g.MeasureString(FontCoverage.Drawable(text, font), font).Width;
        if (width <= maxWidth || width <= 0)
        {
            return maxSize;
        }

        var size = Math.Floor(maxSize * maxWidth / width * 2) / 2;
        return Math.Max(minSize, Math.Min(maxSize, size));
    }

    /// <summary>The first <paramref name="length"/> characters and "…", never cutting a surrogate pair in two.</summary>
    private static string Candidate(string text, int length) =>
        text[..(length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)].TrimEnd() + Ellipsis;
}
