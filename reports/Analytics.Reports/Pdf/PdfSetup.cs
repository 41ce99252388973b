using PdfSharp.Fonts;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Process-wide PDFsharp setup: our font resolver (Linux has no font PDFsharp can find by itself). PDFsharp 6.2 is
/// MIT-licensed and needs no licence chosen in code. Call once at start-up; calling again is harmless.
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static bool _fontsInstalled;

    /// <summary>Installs <see cref="DejaVuFontResolver"/>. Idempotent and thread-safe.</summary>
    /// <exception cref="FileNotFoundException">The DejaVu font files are missing.</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (_fontsInstalled)
            {
                return;
            }

            var resolver = new DejaVuFontResolver();
            resolver.EnsureFontFilesExist();
            // PDFsharp allows setting the resolver once, before any font is used; a host that set its own keeps it.
            GlobalFontSettings.FontResolver ??= resolver;
            _fontsInstalled = true;
        }
    }
}
