using Analytics.Pipelines.Tests;
using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using Analytics.Reports.Tests.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Tests.Charts;

/// <summary>
/// Renders every chart type, edge cases included, into one PDF. Set ANALYTICS_CHARTS_GALLERY to a folder to keep the PDF
/// and its PNG pages for a person to look at.
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

        Assert.Equal(5, PopplerTools.PageCount(path));
        var bars = PopplerTools.Text(path, 1);
        Assert.Contains("Sourced ARR by quarter", bars);
        Assert.Contains("Benchmark", bars);
        Assert.Contains("page 1 of 5", bars);
        var edge = PopplerTools.Text(path, 4);
        Assert.Contains("No data", edge);

        var keep = Environment.GetEnvironmentVariable("ANALYTICS_CHARTS_GALLERY");
        if (!string.IsNullOrWhiteSpace(keep))
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, "gallery.pdf"), overwrite: true);
            PopplerTools.RenderPng(path, Path.Combine(keep, "gallery"));
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

        var raster = PopplerTools.Render(path, 1, _temp.Path);
        // Everything between the heading band and the footer must be white except inside the chart areas (1 px of anti-aliasing allowed).
        var outside = new List<string>();
        for (var y = 90; y < 540; y++)
        {
            for (var x = 0; x < raster.Width; x++)
            {
                if (!raster.IsWhite(x, y) && !areas.Any(a => x >= a.Left - 1 && x <= a.Right + 1 && y >= a.Top - 1 && y <= a.Bottom + 1))
                {
                    outside.Add($"({x},{y})");
                }
            }
        }

        // The check is only meaningful if the charts did draw: every area has ink.
        foreach (var a in areas)
        {
            var inked = Enumerable.Range((int)a.Top, (int)a.Height).Any(y => Enumerable.Range((int)a.Left, (int)a.Width).Any(x => !raster.IsWhite(x, y)));
            Assert.True(inked, $"nothing drawn in {a}");
        }

        Assert.True(outside.Count == 0, $"{outside.Count} pixels drawn outside chart areas, e.g. {string.Join(", ", outside.Take(10))}");
    }
}
