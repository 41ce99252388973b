using System.Text.Json;
using PdfSharp.Drawing;
using Analytics.TestSupport.Pdf;

namespace Analytics.Cli.Tests;

/// <summary>The QBR packs `analytics run` wrote on a real demo lake, read back with PdfPig: pages as the manifest says,
/// A4 landscape, DejaVu text, vector charts (no images), and no words drawn over each other.</summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class QbrPackLayoutTests(ThreeMonthLake lake)
{
    private string Quarter => lake.Directory.Combine("data", "reports", "qbr", "2026-Q2");

    [Fact]
    public void Every_pack_has_the_pages_its_manifest_names_on_a4_landscape_in_dejavu_without_images()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var files = Manifest();
        Assert.True(files.Count > 1, "the manifest lists no partner pack");
        foreach (var (file, pages) in files)
        {
            using var pdf = PdfFile.Open(Path.Combine(Quarter, file));
            Assert.True(pages == pdf.PageCount, $"{file}: {pdf.PageCount} pages, the manifest says {pages}");
            for (var page = 1; page <= pdf.PageCount; page++)
            {
                var (width, height) = pdf.PageSize(page);
                Assert.True(Math.Abs(width - 842) < 1 && Math.Abs(height - 595) < 1, $"{file} page {page} is {width} x {height} pt");
            }

            // Page text in PDFsharp's "DejaVu Sans" faces, chart text in the same fonts embedded by Skia as "DejaVuSans".
            Assert.All(pdf.Fonts(), font => Assert.StartsWith("DejaVu", font));
            Assert.Equal(0, pdf.ImageCount());
        }
    }

    [Fact]
    public void No_two_words_of_a_pack_overlap()
    {
        foreach (var (file, _) in Manifest())
        {
            using var pdf = PdfFile.Open(Path.Combine(Quarter, file));
            for (var page = 1; page <= pdf.PageCount; page++)
            {
                // Upright words only: a slanted axis label's upright box covers its neighbours' without touching them.
                var words = pdf.Words(page).Where(w => w.Horizontal).ToList();
                Assert.NotEmpty(words);
                for (var i = 0; i < words.Count; i++)
                {
                    for (var j = i + 1; j < words.Count; j++)
                    {
                        Assert.False(Overlap(words[i].Box, words[j].Box),
                            $"{file} page {page}: '{words[i].Text}' at {words[i].Box} overlaps '{words[j].Text}' at {words[j].Box}");
                    }
                }
            }
        }
    }

    /// <summary>Boxes that share more than half a point each way (glyph boxes of neighbours on a line may touch).</summary>
    private static bool Overlap(XRect a, XRect b) =>
        Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 0.5 && Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top) > 0.5;

    private List<(string File, int Pages)> Manifest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Quarter, "manifest.json")));
        return [.. manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("pages").GetInt32()))];
    }
}
