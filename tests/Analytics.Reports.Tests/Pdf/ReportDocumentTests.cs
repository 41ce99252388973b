using System.Text;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Pdf;

public sealed class ReportDocumentTests : IDisposable
{
    private static readonly DateTime Snapshot = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ToBytes_gives_a_pdf()
    {
        using var document = new ReportDocument("QBR", "footer", createdAt: Snapshot);
        document.AddPage("Summary");

        var bytes = document.ToBytes();

        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public void Pages_are_a4_landscape_by_default_and_number_themselves_when_saved()
    {
        var path = _temp.Combine("nested", "folder", "qbr.pdf");
        using (var document = new ReportDocument("Northwind QBR", "Snapshot 2026-11-21 · run 20261121T0200-ab12", createdAt: Snapshot))
        {
            var first = document.AddPage("Summary", "Q3 2026");
            document.AddPage("Pipeline");
            document.AddPage("Registrations");

            Assert.Equal(3, document.PageCount);
            Assert.True(first.Content.Width > 700 && first.Content.Height > 400, $"content {first.Content}");
            document.Save(path);
        }

        Assert.Equal(["qbr.pdf"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        using var pdf = PdfFile.Open(path);
        Assert.Equal(3, pdf.PageCount);
        var second = pdf.Text(2);
        Assert.Contains("Pipeline", second);
        Assert.Contains("page 2 of 3", second);
        Assert.Contains("Snapshot 2026-11-21 · run 20261121T0200-ab12", second);
        Assert.Contains("NORTHWIND QBR", second);
        // The footer sits at the bottom, the title band at the top.
        var words = pdf.Words(2);
        Assert.True(words.Single(w => w.Text == "NORTHWIND").Box.Top < 60, "the title is not in the top band");
        Assert.True(words.Single(w => w.Text == "Snapshot").Box.Bottom > 595 - 40, "the footer is not at the bottom");
    }

    [Fact]
    public void Document_information_names_title_author_and_date_and_no_agpl_licence()
    {
        var path = _temp.Combine("info.pdf");
        using (var document = new ReportDocument("Northwind QBR", "footer", createdAt: Snapshot))
        {
            document.AddPage("Summary");
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        var info = pdf.Information;
        Assert.Equal("Northwind QBR", info.Title);
        Assert.Equal("Partner analytics", info.Author);
        Assert.Equal("Analytics.Reports", info.Creator);
        Assert.Equal(new DateTimeOffset(Snapshot), info.GetCreatedDateTimeOffset());
        // PDFsharp 6.2.4 is MIT-licensed; 6.5 wrote its AGPL licence into the producer.
        Assert.StartsWith("PDFsharp 6.2.4", info.Producer);
        Assert.DoesNotContain("AGPL", info.Producer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AGPL", File.ReadAllText(path, Encoding.Latin1), StringComparison.OrdinalIgnoreCase);
        var (width, height) = pdf.PageSize(1); // A4 landscape is 842 x 595 pt
        Assert.Equal(842, width, 0);
        Assert.Equal(595, height, 0);
    }

    [Fact]
    public void Text_is_drawn_in_the_dejavu_fonts_and_charts_need_no_images()
    {
        var path = _temp.Combine("fonts.pdf");
        using (var document = new ReportDocument("QBR", "footer", createdAt: Snapshot))
        {
            var page = document.AddPage("Summary");
            Analytics.Reports.Charts.BarChart.Draw(page, page.Take(200), ["Q1", "Q2"], [new("ARR", [1.0, 2.0])], Analytics.Reports.Charts.ValueFormat.Money);
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        // The page's text in PDFsharp's DejaVu faces; the chart's in the same DejaVu Sans file, embedded by Skia under its PostScript name.
        Assert.Equal(["DejaVu Sans", "DejaVu Sans,Bold", "DejaVuSans"], pdf.Fonts().Order(StringComparer.Ordinal));
        Assert.Equal(13, pdf.Letters(1).First(l => l.Text == "S").Size, 1); // the heading "Summary", 13 pt
        Assert.Equal(0, pdf.ImageCount());
    }

    [Fact]
    public void Portrait_pages_are_taller_than_wide()
    {
        using var document = new ReportDocument("QBR", "footer", PdfSharp.PageOrientation.Portrait, Snapshot);

        var page = document.AddPage("Summary");

        Assert.True(page.Content.Height > page.Content.Width);
    }

    [Fact]
    public void No_page_can_be_added_once_the_pages_are_numbered()
    {
        using var document = new ReportDocument("QBR", "footer", createdAt: Snapshot);
        var page = document.AddPage("Summary");
        document.ToBytes();

        Assert.Throws<InvalidOperationException>(() => document.AddPage("Late"));
        Assert.Throws<InvalidOperationException>(() => page.Graphics);
        Assert.Equal(document.ToBytes().Length, document.ToBytes().Length);
    }

    [Fact]
    public void Saving_over_an_existing_file_replaces_it()
    {
        var path = _temp.Combine("qbr.pdf");
        File.WriteAllText(path, "old");
        using (var document = new ReportDocument("QBR", "footer", createdAt: Snapshot))
        {
            document.AddPage("Summary");
            document.Save(path);
        }

        Assert.StartsWith("%PDF", File.ReadAllText(path, Encoding.Latin1));
    }

    [Fact]
    public void Take_flows_blocks_down_the_page_and_refuses_what_does_not_fit()
    {
        using var document = new ReportDocument("QBR", "footer", createdAt: Snapshot);
        var page = document.AddPage("Summary");
        var top = page.Content.Top;

        var first = page.Take(100, gapAfter: 10);
        var second = page.Take(50);

        Assert.Equal(new XRect(page.Content.Left, top, page.Content.Width, 100), first);
        Assert.Equal(top + 110, second.Top, 6);
        Assert.Equal(page.Content.Bottom - top - 160, page.Remaining, 6);
        Assert.False(page.Fits(page.Remaining + 1));
        var error = Assert.Throws<InvalidOperationException>(() => page.Take(page.Remaining + 1));
        Assert.Contains("Summary", error.Message);
    }

    [Fact]
    public void An_empty_document_still_saves_as_one_page()
    {
        var path = _temp.Combine("empty.pdf");
        using (var document = new ReportDocument("QBR", "footer", createdAt: Snapshot))
        {
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("No content.", pdf.Text());
    }

    [Fact]
    public void The_same_report_from_the_same_snapshot_gives_the_same_bytes()
    {
        static byte[] Render()
        {
            using var document = new ReportDocument("QBR", "Snapshot 2026-11-21", createdAt: Snapshot);
            var page = document.AddPage("Summary", "Q3 2026");
            Analytics.Reports.Charts.BarChart.Draw(page, page.Take(200), ["Q1", "Q2"], [new("ARR", [1.0, 2.0])], Analytics.Reports.Charts.ValueFormat.Money);
            return document.ToBytes();
        }

        // PDFsharp draws font-subset tags (ABCDEF+DejaVu) and XMP UUIDs at random; everything else must match.
        static string Stable(byte[] pdf) => System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(Encoding.Latin1.GetString(pdf), "/[A-Z]{6}\\+", "/TAG+"), "uuid:[0-9a-f-]{36}", "uuid:X");

        var first = Render();
        var second = Render();
        Assert.Equal(first.Length, second.Length);
        Assert.Equal(Stable(first), Stable(second));
        Assert.Contains("/ID[<", Stable(first));
    }
}
