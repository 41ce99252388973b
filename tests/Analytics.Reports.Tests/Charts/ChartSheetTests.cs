using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Charts;

/// <summary>
/// The ScottPlot charts as a reader gets them: placed as vector forms (text a PDF reader extracts, no bitmap), their
/// font embedded once however many charts a report has, a line of text where there is nothing to chart, and numbers
/// written the same whatever the thread's culture.
/// </summary>
public sealed class ChartSheetTests
{
    private static readonly DateTime Snapshot = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_chart_is_placed_as_vector_with_its_axis_and_category_text_extractable_and_no_image()
    {
        using var pdf = PdfFile.Open(Render(charts: 1));

        var text = pdf.Text(1);
        Assert.Contains("Northwind Traders", text);
        Assert.Contains("Contoso", text);
        Assert.Contains("$2.5M", text);   // a value label
        Assert.Contains("$0", text);      // the value axis' first tick
        Assert.Equal(0, pdf.ImageCount());
        Assert.Contains("DejaVuSans", pdf.Fonts(1));
        // The chart's text lies inside its box on the page (the form is placed where it was planned).
        // Drawn once: ScottPlot's layout render leaves no second copy on the page.
        var north = Assert.Single(pdf.Words(1), w => w.Text == "Northwind");
        Assert.Single(pdf.Words(1), w => w.Text == "Contoso");
        Assert.InRange(north.Box.Top, 90, 300);
    }

    [Fact]
    public void The_charts_font_is_embedded_once_however_many_charts_a_report_has()
    {
        static int FontFiles(byte[] pdf) => Regex.Matches(Encoding.Latin1.GetString(pdf), "/FontFile2").Count;

        var one = FontFiles(Render(charts: 1));
        var six = FontFiles(Render(charts: 6));

        Assert.Equal(one, six);
    }

    [Fact]
    public void The_charts_of_a_report_render_into_one_skia_pdf_with_a_page_per_chart()
    {
        using var document = new ReportDocument("QBR", "footer", createdAt: Snapshot);
        var page = document.AddPage("Charts");
        BarChart.Draw(page, page.Take(150), ["Q1", "Q2"], [new Series("ARR", [1.0e6, 2.0e6])], ValueFormat.Money, title: "Bars");
        LineChart.Draw(page, page.Take(150), ["Q1", "Q2", "Q3"], [new Series("Win rate", [0.3, 0.35, 0.4])], ValueFormat.Percent, "Lines");

        using var skia = PdfFile.Open(page.Charts.RenderPdf());

        Assert.Equal(2, skia.PageCount);
        Assert.Equal(page.Content.Width, skia.PageSize(1).Width, 0.5);
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.0, 0.0 })]
    [InlineData(new double[] { })]
    public void A_chart_with_nothing_to_show_is_a_line_of_text_not_an_empty_axis(double[] values)
    {
        byte[] bytes;
        using (var document = new ReportDocument("QBR", "footer", createdAt: Snapshot))
        {
            var page = document.AddPage("Pipeline");
            string[] stages = ["prospect", "proposal", "closing"];
            BarChart.Draw(page, page.Take(200), stages[..values.Length],
                [new Series("Credited ARR", [.. values.Select(v => (double?)v)])], ValueFormat.Money, title: "Open pipeline by stage",
                options: new BarChartOptions { Horizontal = true, EmptyText = "No credited open pipeline to chart." });
            Assert.Equal(0, page.Charts.Count);
            bytes = document.ToBytes();
        }

        using var pdf = PdfFile.Open(bytes);
        var text = pdf.Text(1);
        Assert.Contains("Open pipeline by stage", text);
        Assert.Contains("No credited open pipeline to chart.", text);
        Assert.DoesNotContain("$1", text);
        Assert.DoesNotContain("$0", text);
        Assert.DoesNotContain("DejaVuSans", pdf.Fonts());
    }

    [Fact]
    public void Chart_numbers_are_written_in_the_invariant_culture_whatever_the_threads_culture()
    {
        // The build runs with invariant globalization, so a culture with other separators is made by hand.
        var local = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        local.NumberFormat.NumberDecimalSeparator = ",";
        local.NumberFormat.NumberGroupSeparator = ".";
        local.NumberFormat.PercentDecimalSeparator = ",";
        local.NumberFormat.CurrencyDecimalSeparator = ",";
        local.DateTimeFormat.DateSeparator = ".";
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        byte[] bytes;
        try
        {
            CultureInfo.CurrentCulture = local;
            CultureInfo.CurrentUICulture = local;
            using var document = new ReportDocument("QBR", "footer", createdAt: Snapshot);
            var page = document.AddPage("Registrations");
            BarChart.Draw(page, page.Take(200), ["2026-W47", "2026-W48", "2026-W49"], [new Series("Registrations", [1250, 2500, 1875])],
                ValueFormat.Count, title: "Registrations by week");
            LineChart.Draw(page, page.Take(180), ["2026-Q1", "2026-Q2", "2026-Q3"], [new Series("Win rate", [0.305, 0.3125, 0.33])], ValueFormat.Percent, "Win rate");
            bytes = document.ToBytes();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }

        using var pdf = PdfFile.Open(bytes);
        var text = pdf.Text(1);
        Assert.Contains("1,250", text);
        Assert.Contains("2,500", text);
        Assert.Contains("2026-W48", text);
        Assert.DoesNotContain("1.250", text);
        Assert.DoesNotContain("2.500", text);
        Assert.Contains("%", text);
        Assert.DoesNotMatch(@"\d,\d%", text);
    }

    private static byte[] Render(int charts)
    {
        using var document = new ReportDocument("QBR", "footer", createdAt: Snapshot);
        for (var i = 0; i < charts; i++)
        {
            var page = i % 2 == 0 ? document.AddPage($"Partners {i}") : document.Pages[^1];
            BarChart.Draw(page, page.Take(200, 10), ["Northwind Traders", "Contoso", "Fabrikam"],
                [new Series("Sourced ARR", [2.5e6, 1.2e6, 0.4e6])], ValueFormat.Money, title: $"Sourced ARR by partner {i}",
                options: new BarChartOptions { Horizontal = true });
        }

        return document.ToBytes();
    }
}
