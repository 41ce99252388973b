using Analytics.Reports.Charts;
using Analytics.Reports.Display;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Issue 23 item 7: nothing a PDF draws is a character its DejaVu face lacks (an empty box) or a bidi control.</summary>
public sealed class FontCoverageTests : IDisposable
{
    private const string Rocket = "Acme 🚀 Partners";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Acme 🚀 Partners", "Acme \uFFFD Partners")]
    [InlineData("Team 👨‍👩‍👧 and 👍🏽 done", "Team \uFFFD and \uFFFD done")]
    [InlineData("🚀🚀", "\uFFFD\uFFFD")]
    [InlineData("Launch 🚀\uFE0F now", "Launch \uFFFD now")]
    [InlineData("Acme \u202Egnp.exe\u202C\u0007", "Acme gnp.exe")]
    [InlineData("tab\there", "tab here")]
    public void Drawable_replaces_what_the_face_lacks_and_removes_controls(string text, string expected) =>
        Assert.Equal(expected, FontCoverage.Drawable(text, ReportFonts.Body));

    [Theory]
    [InlineData("Zürich Ærø · “quoted” – €12K ≤ 7 d ✓ …")]
    [InlineData("Партнёр Ελλάδα")]
    [InlineData("line one\nline two")]
    public void Drawable_keeps_text_the_face_covers_as_it_is(string text) =>
        Assert.Same(text, FontCoverage.Drawable(text, ReportFonts.Body));

    [Fact]
    public void Every_report_face_covers_latin_and_the_substitute_but_no_emoji()
    {
        foreach (var font in new[] { ReportFonts.Body, ReportFonts.BodyBold, ReportFonts.TableCell, ReportFonts.TableCellBold })
        {
            Assert.True(FontCoverage.Covers(font, 'A'));
            Assert.True(FontCoverage.Covers(font, FontCoverage.Substitute));
            Assert.False(FontCoverage.Covers(font, 0x1F680)); // 🚀
            Assert.False(FontCoverage.Covers(font, 0x1F44D)); // 👍
        }
    }

    [Fact]
    public void A_pdf_with_an_emoji_and_a_bidi_override_in_names_draws_only_glyphs_its_fonts_have()
    {
        var path = _temp.Combine("emoji.pdf");
        using (var document = new ReportDocument("QBR " + Rocket, "footer " + Rocket))
        {
            var page = document.AddPage(Rocket, "Partner \u202Egnp.exe\u202C notes");
            var g = page.Graphics;
            TextBlock.Draw(g, page.Take(30), Rocket + " grew 🚀🚀 this quarter", ReportFonts.Body);
            g.DrawReportText(Rocket, ReportFonts.SmallBold, new XSolidBrush(Palette.Text), page.Take(20), XStringFormats.TopLeft);
            BarChart.Draw(page, page.Take(200), [Rocket, "Beta 👍"], [new Series("ARR", [1.0, 2.0])], ValueFormat.Money);
            var table = new TableBlock([new TableColumn("Partner 🚀", 2), new TableColumn("ARR", 1, ColumnAlign.Right)]);
            table.AddRow([Rocket, "$1.2M"]);
            table.Draw(document, page, page.Take(60), "Partners");
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        var letters = pdf.Letters(1);
        Assert.Contains(letters, l => l.Text == "\uFFFD");
        Assert.All(letters, l =>
        {
            foreach (var rune in l.Text.EnumerateRunes())
            {
                Assert.True(FontCoverage.Covers(FontOf(l.Font), rune.Value), $"'{l.Text}' (U+{rune.Value:X4}) in {l.Font} has no glyph");
                Assert.False(rune.IsBmp && UntrustedText.IsRemoved((char)rune.Value), $"U+{rune.Value:X4} is a control");
            }
        });
        Assert.Contains("Acme \uFFFD Partners", pdf.Text(1));
        Assert.Contains("gnp.exe", pdf.Text(1));
    }

    private static XFont FontOf(string name) => name switch
    {
        "DejaVu Sans" => ReportFonts.Body,
        "DejaVu Sans,Bold" => ReportFonts.BodyBold,
        // The charts' text, embedded by Skia under the face's PostScript name.
        "DejaVuSans" => ReportFonts.Body,
        "DejaVuSans-Bold" => ReportFonts.BodyBold,
        "DejaVu Sans Condensed" => ReportFonts.TableCell,
        "DejaVu Sans Condensed,Bold" => ReportFonts.TableCellBold,
        _ => throw new ArgumentException($"unexpected font '{name}'", nameof(name)),
    };
}
