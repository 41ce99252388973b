using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace Analytics.Reports.Pdf;

/// <summary>The few fonts every report uses, in one place, so pages and charts agree.</summary>
public static class ReportFonts
{
    /// <summary>The family for running text, headings and charts.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>The narrow family for tables, where columns compete for width.</summary>
    public const string CondensedFamily = "DejaVu Sans Condensed";

    private static readonly ConcurrentDictionary<(string Family, double Size, bool Bold), XFont> Cache = new();

    /// <summary>The document title on a cover page: 20 pt bold.</summary>
    public static XFont Title => Of(20, bold: true);

    /// <summary>A page heading: 13 pt bold.</summary>
    public static XFont Heading => Of(13, bold: true);

    /// <summary>A section or chart title: 10 pt bold.</summary>
    public static XFont Subheading => Of(10, bold: true);

    /// <summary>Running text: 9 pt.</summary>
    public static XFont Body => Of(9);

    /// <summary>Running text, bold: 9 pt.</summary>
    public static XFont BodyBold => Of(9, bold: true);

    /// <summary>Axis labels, legends, footers: 7.5 pt.</summary>
    public static XFont Small => Of(7.5);

    /// <summary>Small text, bold: 7.5 pt.</summary>
    public static XFont SmallBold => Of(7.5, bold: true);

    /// <summary>The figure on a KPI tile: 18 pt bold.</summary>
    public static XFont KpiValue => Of(18, bold: true);

    /// <summary>Table cells: 8 pt condensed.</summary>
    public static XFont TableCell => Of(8, bold: false, CondensedFamily);

    /// <summary>Table headers and emphasised rows: 8 pt condensed bold.</summary>
    public static XFont TableCellBold => Of(8, bold: true, CondensedFamily);

    /// <summary>A font of the report family at any size, cached.</summary>
    /// <param name="size">The em size in points.</param>
    /// <param name="bold">Whether bold.</param>
    /// <param name="family">The family; <see cref="Family"/> unless given.</param>
    /// <returns>The font.</returns>
    public static XFont Of(double size, bool bold = false, string family = Family)
    {
        if (!(size > 0) || double.IsInfinity(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A font size must be a positive number of points.");
        }

        PdfSetup.Initialize();
        return Cache.GetOrAdd((family, Math.Round(size, 2), bold),
            key => new XFont(key.Family, key.Size, key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular));
    }
}
