using PdfSharp;
using PdfSharp.Fonts;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Process-wide PDFsharp setup: the licence PDFsharp 6 requires to be chosen in code, and our font resolver
/// (Linux has no font PDFsharp can find by itself). Call once at start-up; calling again is harmless.
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static LicenceChoice _licence = LicenceChoice.None;
    private static int _commercialKeyHash;
    private static bool _fontsInstalled;

    private enum LicenceChoice
    {
        None,
        Agpl,
        Commercial,
    }

    /// <summary>
    /// Chooses the PDFsharp licence and installs <see cref="DejaVuFontResolver"/>. Idempotent and thread-safe.
    /// Without a key the AGPL licence is chosen, unless a commercial key was loaded earlier (it is never downgraded).
    /// The key is never logged nor put into an exception message.
    /// </summary>
    /// <param name="commercialLicenseKey">A PDFsharp commercial licence key from configuration, or null for AGPL.</param>
    /// <exception cref="InvalidOperationException">The key was rejected, or the DejaVu font files are missing.</exception>
    public static void Initialize(string? commercialLicenseKey = null)
    {
        lock (Gate)
        {
            ChooseLicence(commercialLicenseKey);
            InstallFonts();
        }
    }

    /// <summary>Installs the font resolver only (fonts may be needed before the application chose its licence).</summary>
    internal static void EnsureFonts()
    {
        lock (Gate)
        {
            InstallFonts();
        }
    }

    private static void ChooseLicence(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            if (_licence == LicenceChoice.None)
            {
                PdfSharpLicense.SetAgplLicense();
                _licence = LicenceChoice.Agpl;
            }

            return;
        }

        var hash = StringComparer.Ordinal.GetHashCode(key);
        if (_licence == LicenceChoice.Commercial && hash == _commercialKeyHash)
        {
            return;
        }

        try
        {
            PdfSharpLicense.LoadLicense(key);
        }
        catch (Exception ex)
        {
            // PDFsharp's own message might quote the key; ours names only the failure's kind.
            throw new InvalidOperationException(
                $"The PDFsharp commercial licence key from configuration was rejected ({ex.GetType().Name}). " +
                "Check the configured key, or leave it empty to use the AGPL licence.");
        }

        _licence = LicenceChoice.Commercial;
        _commercialKeyHash = hash;
    }

    private static void InstallFonts()
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
