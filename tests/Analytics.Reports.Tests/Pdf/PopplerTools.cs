using System.Diagnostics;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Runs poppler's pdftotext and pdftoppm on saved PDFs, so tests read what a person would see.</summary>
internal static class PopplerTools
{
    public static string Text(string pdfPath, int? page = null)
    {
        var pages = page is { } p ? $"-f {p} -l {p} " : "";
        return Run("pdftotext", $"-layout {pages}\"{pdfPath}\" -");
    }

    public static string Info(string pdfPath) => Run("pdfinfo", $"\"{pdfPath}\"");

    public static int PageCount(string pdfPath)
    {
        var info = Run("pdfinfo", $"\"{pdfPath}\"");
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Renders one page at 72 dpi (1 pixel = 1 point) and returns its RGB pixels.</summary>
    public static Raster Render(string pdfPath, int page, string workFolder)
    {
        var prefix = Path.Combine(workFolder, "render-" + page);
        Run("pdftoppm", $"-r 72 -f {page} -l {page} -singlefile \"{pdfPath}\" \"{prefix}\"");
        return Raster.ReadPpm(prefix + ".ppm");
    }

    public static void RenderPng(string pdfPath, string prefix, int dpi = 60) =>
        Run("pdftoppm", $"-png -r {dpi} \"{pdfPath}\" \"{prefix}\"");

    private static string Run(string tool, string arguments)
    {
        var path = "/usr/bin/" + tool;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: these tests read PDFs with poppler. Install it with apt-get install poppler-utils.");
        }

        using var process = Process.Start(new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {error.Result}");
        }

        return output.Result;
    }
}
