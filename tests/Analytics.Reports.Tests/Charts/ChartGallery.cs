using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Tests.Charts;

/// <summary>The pages of the chart gallery: what a QBR pack composer would draw, plus the awkward cases.</summary>
internal static class ChartGallery
{
    private static readonly string[] Quarters = ["Q1 24", "Q2 24", "Q3 24", "Q4 24", "Q1 25", "Q2 25", "Q3 25", "Q4 25", "Q1 26", "Q2 26", "Q3 26", "Q4 26"];

    public static void BarPage(ReportDocument document)
    {
        var page = document.AddPage("Bar charts", "Northwind Traders · Q3 2026 · all figures in USD");
        var (a, b, c, d) = Quadrants(page.Content);
        var g = page.Graphics;
        BarChart.Draw(page, a, Quarters[4..], [new Series("Sourced ARR", [820_000, 1_150_000, 940_000, 1_420_000, 1_610_000, null, 1_980_000, 2_240_000])],
            ValueFormat.Money, title: "Sourced ARR by quarter");
        BarChart.Draw(page, b, ["Prospect", "Qualified", "Proposal", "Negotiation", "Closed won"],
            [new Series("New logo", [2.1e6, 1.6e6, 1.1e6, 0.6e6, 0.4e6]), new Series("Expansion", [0.9e6, 0.8e6, 0.5e6, 0.4e6, 0.3e6]), new Series("Renewal", [0.3e6, 0.4e6, 0.6e6, 0.5e6, 0.7e6])],
            ValueFormat.Money, BarLayout.Stacked, "Pipeline by stage and motion");
        BarChart.Draw(page, c, ["Northwind Traders International", "Contoso Pharmaceuticals", "Fabrikam Residences", "Adventure Works Cycles", "Wide World Importers", "Tailspin Toys"],
            [new Series("Win rate", [0.42, 0.31, 0.38, 0.22, 0.36, 0.29])], ValueFormat.Percent, title: "Win rate by partner",
            options: new BarChartOptions { Horizontal = true, ReferenceLine = new ReferenceLine(0.35, "Benchmark 35%") });
        BarChart.Draw(page, d, Quarters[8..], [new Series("This year", [14, 22, 19, 27]), new Series("Last year", [11, 18, 21, 20])],
            ValueFormat.Count, title: "Deal registrations, this year vs last", options: new BarChartOptions { ReferenceLine = new ReferenceLine(25, "Goal 25") });
    }

    public static void LinePage(ReportDocument document)
    {
        var page = document.AddPage("Line charts", "Twelve quarters, benchmarks, gaps");
        var (a, b, c, d) = Quadrants(page.Content);
        var g = page.Graphics;
        LineChart.Draw(page, a, Quarters, [new Series("Win rate", [0.28, 0.31, 0.30, null, 0.34, 0.36, 0.33, 0.37, 0.39, 0.38, 0.41, 0.40])],
            ValueFormat.Percent, "Win rate, 12 quarters", new ReferenceLine(0.35, "Benchmark 35%"));
        LineChart.Draw(page, b, Quarters,
        [
            new Series("Northwind", [.. Quarters.Select((_, i) => (double?)(1.2e6 + i * 1.1e5))]),
            new Series("Contoso", [.. Quarters.Select((_, i) => (double?)(0.8e6 + Math.Sin(i) * 2e5 + i * 4e4))]),
            new Series("Fabrikam", [null, null, .. Quarters.Skip(2).Select((_, i) => (double?)(0.4e6 + i * 9e4))]),
            new Series("Adventure Works", [.. Quarters.Select((_, i) => (double?)(i % 4 == 3 ? null : 1.5e6 - i * 6e4))]),
        ], ValueFormat.Money, "Sourced ARR by partner");
        LineChart.Draw(page, c, ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], [new Series("Days to close", [62, 58, 55, 57, 49, 44])], ValueFormat.Days, "Days to close");
        LineChart.Draw(page, d, [.. Enumerable.Range(1, 52).Select(w => $"2026-W{w:00}")], [new Series("Registrations", [.. Enumerable.Range(1, 52).Select(w => (double?)(20 + (w * 7 % 11) + w / 4))])],
            ValueFormat.Count, "52 weeks of registrations (labels thinned)");
    }

    public static void TilesPage(ReportDocument document)
    {
        var page = document.AddPage("Scorecard blocks", "KPI tiles, progress bars, a table");
        var g = page.Graphics;
        var tiles = page.Take(78, gapAfter: 14);
        var width = (tiles.Width - 3 * 10) / 4;
        KpiTile.Draw(page, new XRect(tiles.Left, tiles.Top, width, tiles.Height), "Sourced ARR (QTD)", NumberFormat.Money(1_980_000), NumberFormat.SignedMoney(240_000) + " vs Q2", Trend.Up, sparkline: [0.82, 1.15, 0.94, 1.42, 1.61, 1.98]);
        KpiTile.Draw(page, new XRect(tiles.Left + (width + 10), tiles.Top, width, tiles.Height), "Win rate", NumberFormat.Percent(0.38), NumberFormat.Points(-1.4) + " vs Q2", Trend.Down, sparkline: [0.31, 0.33, 0.36, 0.39, 0.384]);
        KpiTile.Draw(page, new XRect(tiles.Left + 2 * (width + 10), tiles.Top, width, tiles.Height), "Days to close", NumberFormat.Days(44), NumberFormat.SignedDays(-5) + " vs Q2", Trend.Down, upIsGood: false);
        KpiTile.Draw(page, new XRect(tiles.Left + 3 * (width + 10), tiles.Top, width, tiles.Height), "Open registrations", NumberFormat.Count(1204), "no change", Trend.Flat);

        var heading = page.Take(16);
        g.DrawString("Tier requirements", ReportFonts.Subheading, new XSolidBrush(Palette.Text), heading, XStringFormats.TopLeft);
        var half = page.Content.Width / 2 - 10;
        ProgressBar.Draw(g, new XRect(page.Content.Left, page.CursorY, half, 15), "Certified engineers", 0.8, "4 of 5", false);
        ProgressBar.Draw(g, new XRect(page.Content.Left, page.CursorY + 20, half, 15), "Sourced ARR vs Gold threshold", 1.25, "$1.3M of $1.0M", true);
        ProgressBar.Draw(g, new XRect(page.Content.Left, page.CursorY + 40, half, 15), "Joint customer references", 0, "0 of 3", false);
        ProgressBar.Draw(g, new XRect(page.Content.Left, page.CursorY + 60, half, 15), "Marketing development funds used", 0.35, "$35K of $100K", false);
        page.Skip(90);

        var table = new TableBlock([new TableColumn("Registration", 1.2), new TableColumn("Customer", 2.4), new TableColumn("Stage", 1.1), new TableColumn("Amount", 1, ColumnAlign.Right), new TableColumn("Age", 0.7, ColumnAlign.Right), new TableColumn("Status", 1, ColumnAlign.Center)]);
        table.AddRow(["REG-10231", "Contoso Pharmaceuticals and Life Sciences (EMEA North) GmbH", "Proposal", "$420K", "12 d", "Open"]);
        table.AddRow(["REG-10244", "Fabrikam Residences", "Negotiation", "$1.1M", "95 d", "Overdue"], RowStyle.Warning);
        table.AddRow(["REG-10250", "Wide World Importers", "Qualified", "$85K", "4 d", "Open"]);
        table.AddRow(["REG-10198", "Tailspin Toys", "Closed lost", "$60K", "120 d", "Closed"], RowStyle.Muted);
        table.AddRow(["Total", "", "", "$1.7M", "", ""], RowStyle.Emphasis);
        table.Draw(document, page, page.RemainingArea, "Scorecard blocks");

        var empty = new TableBlock([new TableColumn("Overdue registration", 1)]);
        page.Skip(10);
        empty.Draw(document, page, page.RemainingArea, "Scorecard blocks");
        page.Skip(6);
        var text = page.Take(40);
        TextBlock.Draw(g, text, "Notes: a paragraph drawn with TextBlock wraps at word boundaries within its width and stops at the bottom of its box, " +
            "ellipsizing the last line when there is more text than room. This sentence goes on for long enough to need a third line, and then some more words " +
            "that will not fit into forty points of height at nine points per line so they end in an ellipsis somewhere around here.", ReportFonts.Body);
    }

    public static void EdgeCasePage(ReportDocument document)
    {
        var page = document.AddPage("Edge cases", "Empty, one category, negative, huge, long labels");
        var content = page.Content;
        var g = page.Graphics;
        var w = (content.Width - 2 * 14) / 3;
        var h = (content.Height - 14) / 2;
        XRect Cell(int col, int row) => new(content.Left + col * (w + 14), content.Top + row * (h + 14), w, h);
        BarChart.Draw(page, Cell(0, 0), [], [], ValueFormat.Money, title: "Empty input");
        LineChart.Draw(page, Cell(1, 0), ["Q1", "Q2"], [new Series("All null", [null, null])], ValueFormat.Percent, "All values null");
        BarChart.Draw(page, Cell(2, 0), ["Q3 26"], [new Series("ARR", [1_250_000])], ValueFormat.Money, title: "One category");
        BarChart.Draw(page, Cell(0, 1), ["Q1 26", "Q2 26", "Q3 26", "Q4 26", "Q1 27"], [new Series("Net change", [320_000, -180_000, -45_000, 510_000, -600_000])],
            ValueFormat.Money, title: "Negative values");
        BarChart.Draw(page, Cell(1, 1), ["FY24", "FY25", "FY26"], [new Series("Platform", [3.2e9, 8.7e9, 1.45e10]), new Series("Services", [0.4e9, 1.1e9, 2.2e9])],
            ValueFormat.Money, title: "Huge values (billions)");
        BarChart.Draw(page, Cell(2, 1), ["Northwind Traders International Holdings", "Contoso Pharmaceuticals and Life Sciences", "Fabrikam Residences and Hospitality Group", "Adventure Works Cycles of North America", "Wide World Importers Limited", "Tailspin Toys Manufacturing", "Alpine Ski House", "Coho Winery"],
            [new Series("Registrations", [12, 9, 7, 7, 5, 4, 3, 1])], ValueFormat.Count, title: "Long category labels");
    }

    /// <summary>Awkward input in small areas; returns the areas, so a test can check nothing was drawn outside them.</summary>
    public static IReadOnlyList<XRect> SmallAreasPage(ReportDocument document)
    {
        var page = document.AddPage("Small areas", "Awkward input in 220 x 130 pt boxes (grey frames show the areas)");
        var g = page.Graphics;
        var areas = new List<XRect>();
        var content = page.Content;
        XRect Cell(int i) => new(content.Left + 20 + i % 3 * 260, content.Top + 20 + i / 3 * 200, 220, 130);
        string[] longNames = ["Northwind Traders International Holdings", "Contoso Pharmaceuticals and Life Sciences", "A", "Fabrikam Residences"];

        BarChart.Draw(page, Cell(0), longNames, [new Series("ARR", [-2.5e9, 9.9e11, null, 3])], ValueFormat.Money,
            title: "A title that is much too long for the little chart area it was given");
        BarChart.Draw(page, Cell(1), longNames, [new Series("a", [5, -3, 2, 8]), new Series("b", [1, 2, -6, 4])], ValueFormat.Count, BarLayout.Stacked,
            options: new BarChartOptions { Horizontal = true, ReferenceLine = new ReferenceLine(12, "Target twelve, well beyond the data") });
        LineChart.Draw(page, Cell(2), [.. Enumerable.Range(1, 40).Select(i => "Week " + i)],
            [new Series("x", [.. Enumerable.Range(1, 40).Select(i => (double?)(i % 7 == 0 ? null : Math.Sin(i) * 0.5))])],
            ValueFormat.Percent, "Forty weeks", new ReferenceLine(0.35, "Benchmark 35%"));
        KpiTile.Draw(page, Cell(3) with { Width = 90, Height = 50 }, "A very long KPI label that cannot fit", "$123,456,789,000", "+$1.2B vs last quarter", Trend.Up, sparkline: [1, 5, 2, 8]);
        ProgressBar.Draw(g, Cell(4) with { Height = 14 }, "Certified engineers with a long label", 1.7, "12 of 5 engineers", true);
        var table = new TableBlock([new TableColumn("Partner", 2), new TableColumn("ARR", 1, ColumnAlign.Right)]);
        table.AddRow(["Northwind Traders International Holdings Limited", "$1,234,567,890"], RowStyle.Warning);
        table.Draw(document, page, Cell(5) with { Width = 120 }, "Small areas");
        areas.AddRange([Cell(0), Cell(1), Cell(2), Cell(3) with { Width = 90, Height = 50 }, Cell(4) with { Height = 14 }, Cell(5) with { Width = 120 }]);
        var frame = new XPen(XColor.FromArgb(0xE8, 0xE8, 0xE8), 0.5);
        foreach (var area in areas)
        {
            g.DrawRectangle(frame, area);
        }

        return areas;
    }

    private static (XRect, XRect, XRect, XRect) Quadrants(XRect content)
    {
        const double gap = 18;
        var w = (content.Width - gap) / 2;
        var h = (content.Height - gap) / 2;
        return (new XRect(content.Left, content.Top, w, h), new XRect(content.Left + w + gap, content.Top, w, h),
            new XRect(content.Left, content.Top + h + gap, w, h), new XRect(content.Left + w + gap, content.Top + h + gap, w, h));
    }
}
