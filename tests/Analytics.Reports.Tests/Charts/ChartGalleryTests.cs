using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using Analytics.Reports.Tests.Pdf;
using PdfSharp.Drawing;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Charts;

/// <summary>
/// Renders every chart type, edge cases included, into one PDF and reads it back. Set ANALYTICS_CHARTS_GALLERY to a
/// folder to keep the PDF for a person to look at; scripts/render-qbr-pages.sh does that and renders its pages as PNG.
/// </summary>
public sealed class ChartGalleryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Gallery_renders_every_chart_type_and_edge_case_onto_labelled_pages()
    {
        var path = _temp.Combine("gallery.pdf");
        using (var document = new ReportDocument("Chart gallery", "Snapshot 2026-11-21 · run 20261121T0200-ab12", createdAt: new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc)))
        {
            ChartGallery.BarPage(document);
            ChartGallery.LinePage(document);
            ChartGallery.TilesPage(document);
            ChartGallery.EdgeCasePage(document);
            ChartGallery.SmallAreasPage(document);
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        Assert.Equal(5, pdf.PageCount);
        var bars = pdf.Text(1);
        Assert.Contains("Sourced ARR by quarter", bars);
        Assert.Contains("Benchmark", bars);
        Assert.Contains("page 1 of 5", bars);
        var edge = pdf.Text(4);
        Assert.Contains(ChartBox.DefaultEmptyText, edge);

        var keep = Environment.GetEnvironmentVariable("ANALYTICS_CHARTS_GALLERY");
        if (!string.IsNullOrWhiteSpace(keep))
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, "gallery.pdf"), overwrite: true);
        }
    }

    [Fact]
    public void Charts_draw_nothing_outside_their_area_even_for_awkward_input()
    {
        var path = _temp.Combine("clip.pdf");
        IReadOnlyList<XRect> areas;
        using (var document = new ReportDocument("Clip", "clip test"))
        {
            areas = ChartGallery.SmallAreasPage(document);
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        var ink = pdf.InkBoxes(1);
        // Everything between the heading band and the footer must lie inside the chart areas (1 pt of tolerance, as a
        // pixel of anti-aliasing was allowed when this was checked on a rendering): letters, clipped paths, images.
        var band = new XRect(0, 90, pdf.PageSize(1).Width, 450);
        var outside = ink.Where(box => box.IntersectsWith(band) && !areas.Any(a => Inside(box, a, 1))).ToList();

        // The check is only meaningful if the charts did draw: every area has letters in it.
        var letters = pdf.Letters(1);
        foreach (var a in areas)
        {
            Assert.True(letters.Any(l => Inside(l.Box, a, 1)), $"no text drawn in {a}");
        }

        Assert.True(outside.Count == 0, $"{outside.Count} marks drawn outside chart areas, e.g. {string.Join(", ", outside.Take(10))}");
    }

    private static bool Inside(XRect box, XRect area, double tolerance) =>
        box.Left >= area.Left - tolerance && box.Right <= area.Right + tolerance && box.Top >= area.Top - tolerance && box.Bottom <= area.Bottom + tolerance;
}
