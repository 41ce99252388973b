using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Serves the DejaVu fonts to PDFsharp from the Debian package <c>fonts-dejavu-core</c>:
/// "DejaVu Sans" (regular, bold, italic, bold italic) and "DejaVu Sans Condensed" (regular, bold).
/// The folder is /usr/share/fonts/truetype/dejavu unless the environment variable <c>ANALYTICS_FONTS_DIR</c> names another.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>The environment variable that overrides the font folder.</summary>
    public const string FontsDirectoryVariable = "ANALYTICS_FONTS_DIR";

    /// <summary>Where Debian's fonts-dejavu-core installs the fonts.</summary>
    public const string DefaultFontsDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly string[] FaceNames =
    [
        "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique",
        "DejaVuSansCondensed", "DejaVuSansCondensed-Bold",
    ];

    private readonly ConcurrentDictionary<string, byte[]> _fontBytes = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver reading from <paramref name="fontsDirectory"/>, else ANALYTICS_FONTS_DIR, else the Debian folder.</summary>
    /// <param name="fontsDirectory">An explicit font folder, or null.</param>
    public DejaVuFontResolver(string? fontsDirectory = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(FontsDirectoryVariable);
        FontsDirectory = !string.IsNullOrWhiteSpace(fontsDirectory) ? fontsDirectory
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : DefaultFontsDirectory;
    }

    /// <summary>The folder the font files are read from.</summary>
    public string FontsDirectory { get; }

    /// <summary>
    /// Maps a family and style to a face. Unknown families get DejaVu Sans, so text never disappears;
    /// italic condensed text is simulated from the upright face.
    /// </summary>
    /// <param name="familyName">The family asked for, e.g. "DejaVu Sans Condensed".</param>
    /// <param name="bold">Whether a bold face is wanted.</param>
    /// <param name="italic">Whether an italic face is wanted.</param>
    /// <returns>The face to load through <see cref="GetFont"/>.</returns>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, ReportFonts.CondensedFamily, StringComparison.OrdinalIgnoreCase))
        {
            return new FontResolverInfo(bold ? "DejaVuSansCondensed-Bold" : "DejaVuSansCondensed", false, italic);
        }

        var face = (bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        };
        return new FontResolverInfo(face);
    }

    /// <summary>The bytes of a face's TrueType file, read once and cached.</summary>
    /// <param name="faceName">A face name from <see cref="ResolveTypeface"/>.</param>
    /// <returns>The font file's bytes.</returns>
    /// <exception cref="FileNotFoundException">The file is missing; the message names the folder, the file and the fix.</exception>
    public byte[]? GetFont(string faceName) => _fontBytes.GetOrAdd(faceName, ReadFace);

    /// <summary>Checks every face file exists, so a missing package fails at start-up rather than mid-report.</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names the folder, the file and the fix.</exception>
    public void EnsureFontFilesExist()
    {
        foreach (var face in FaceNames)
        {
            var path = Path.Combine(FontsDirectory, face + ".ttf");
            if (!File.Exists(path))
            {
                throw Missing(path, face);
            }
        }
    }

    private byte[] ReadFace(string faceName)
    {
        var path = Path.Combine(FontsDirectory, faceName + ".ttf");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(path, faceName);
        }
    }

    private FileNotFoundException Missing(string path, string faceName) => new(
        $"Font file '{faceName}.ttf' was not found in the font folder '{FontsDirectory}'. " +
        $"Install the DejaVu fonts (apt-get install fonts-dejavu-core) or set {FontsDirectoryVariable} to a folder " +
        "that holds DejaVuSans*.ttf and DejaVuSansCondensed*.ttf.",
        path);
}
