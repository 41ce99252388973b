using Analytics.Reports.Pdf;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// The charts' font, set explicitly: DejaVu Sans read from the same folder as the PDF pages' (<see cref="DejaVuFontResolver"/>),
/// registered with ScottPlot under <see cref="ReportFonts.Family"/> so no chart depends on what fontconfig would pick.
/// </summary>
internal static class ChartFonts
{
    private static readonly Lock Gate = new();
    private static SKTypeface? _regular;

    /// <summary>The family every chart text is set in.</summary>
    public const string Family = ReportFonts.Family;

    /// <summary>Registers DejaVu Sans (regular and bold) with ScottPlot; idempotent and thread-safe.</summary>
    /// <exception cref="FileNotFoundException">A DejaVu font file is missing.</exception>
    public static void Register()
    {
        lock (Gate)
        {
            if (_regular is not null)
            {
                return;
            }

            var folder = new DejaVuFontResolver().FontsDirectory;
            var regular = Path.Combine(folder, "DejaVuSans.ttf");
            var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
            foreach (var file in new[] { regular, bold })
            {
                if (!File.Exists(file))
                {
                    throw new FileNotFoundException($"Font file '{file}' was not found; charts are set in DejaVu Sans (Debian: fonts-dejavu-core, or set {DejaVuFontResolver.FontsDirectoryVariable}).", file);
                }
            }

            ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            ScottPlot.Fonts.Default = Family;
            _regular = SKTypeface.FromFile(regular);
        }
    }

    /// <summary>The width in points of <paramref name="text"/> set in DejaVu Sans at <paramref name="size"/>.</summary>
    public static double Width(string text, double size)
    {
        Register();
        using var font = new SKFont(_regular, (float)size);
        return font.MeasureText(text ?? "");
    }

    /// <summary><paramref name="text"/>, cut with "…" to fit <paramref name="width"/> points at <paramref name="size"/>.</summary>
    public static string Ellipsize(string text, double size, double width)
    {
        text ??= "";
        if (Width(text, size) <= width)
        {
            return text;
        }

        for (var length = text.Length - 1; length > 0; length--)
        {
            var cut = text[..length].TrimEnd() + "…";
            if (Width(cut, size) <= width)
            {
                return cut;
            }
        }

        return "…";
    }
}
