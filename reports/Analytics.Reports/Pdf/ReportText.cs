using PdfSharp.Drawing;

namespace Analytics.Reports.Pdf;

/// <summary>
/// The one way report code draws a string: through <see cref="FontCoverage.Drawable"/>, so CRM text can carry no bidi
/// control into a PDF and no character the DejaVu face lacks is drawn as an empty box.
/// </summary>
public static class ReportText
{
    /// <summary>Draws <paramref name="text"/> as <see cref="XGraphics.DrawString(string, XFont, XBrush, XRect, XStringFormat)"/>
    /// does, after <see cref="FontCoverage.Drawable"/>.</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="text">The text.</param>
    /// <param name="font">The font.</param>
    /// <param name="brush">The brush.</param>
    /// <param name="layout">The box the text is laid out in.</param>
    /// <param name="format">The alignment within the box.</param>
    public static void DrawReportText(this XGraphics g, string text, XFont font, XBrush brush, XRect layout, XStringFormat format)
    {
        ArgumentNullException.ThrowIfNull(g);
        g.DrawString(FontCoverage.Drawable(text, font), font, brush, layout, format);
    }
}
