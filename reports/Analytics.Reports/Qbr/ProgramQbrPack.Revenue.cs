using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

public static partial class ProgramQbrPack
{
    private static void Arr(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Sourced and influenced ARR", "Credited ARR of closed-won deals: ARR × attribution % per partner row, by quarter of close");
        var (left, right) = SplitColumns(page.Take(page.Remaining - 150, Gap), 0.58);
        var quarters = data.Quarters;
        BarChart.Draw(page, left, quarters.Select(q => q.Quarter).ToList(),
            [new Series("Sourced", quarters.Select(q => (double?)q.SourcedArr).ToList()), new Series("Influenced", quarters.Select(q => (double?)q.InfluencedArr).ToList())],
            ValueFormat.Money, BarLayout.Stacked, $"By quarter, last {quarters.Count}");
        BarChart.Draw(page, right, data.ArrByMotion.Select(m => m.Motion).ToList(),
            [new Series("Sourced", data.ArrByMotion.Select(m => (double?)m.SourcedArr).ToList()), new Series("Influenced", data.ArrByMotion.Select(m => (double?)m.InfluencedArr).ToList())],
            ValueFormat.Money, BarLayout.Grouped, $"By motion, {data.Quarter}", new BarChartOptions { Horizontal = true });
        var table = new TableBlock([
            new TableColumn("Quarter", 1), new TableColumn("Won ARR (all)", 1.2, ColumnAlign.Right), new TableColumn("Sourced", 1, ColumnAlign.Right),
            new TableColumn("Influenced", 1, ColumnAlign.Right), new TableColumn("Partner share of new pipeline", 1.6, ColumnAlign.Right),
            new TableColumn("Deals won with partners", 1.4, ColumnAlign.Right)]);
        foreach (var q in quarters)
        {
            table.AddRow([q.Quarter, NumberFormat.Money(q.WonArr), NumberFormat.Money(q.SourcedArr), NumberFormat.Money(q.InfluencedArr),
                NumberFormat.Percent(q.PartnerShareOfNewPipeline, 1), $"{NumberFormat.Count(q.PartnerTouchedWonDeals)} of {NumberFormat.Count(q.WonDeals)}"],
                q.Quarter == data.Quarter ? RowStyle.Emphasis : RowStyle.Normal);
        }

        Table(document, page, table, "Sourced and influenced ARR");
    }

    private static void Forecast(ReportDocument document, ProgramQbrData data)
    {
        var current = data.Forecast.FirstOrDefault(f => f.Kind == "forecast");
        var page = document.AddPage("Pipeline and forecast", current is null
            ? "Not scored yet: run analytics score"
            : $"Partner-sourced ARR expected to close in {current.Quarter}, from stage-to-win conversion by motion; back-tested on past quarters");
        if (current is null)
        {
            Paragraph(page, "The warehouse has no scores.forecast table: the scoring stage has not run on this snapshot.");
            return;
        }

        KpiRow(page, 70,
            (tile, r) => KpiTile.Draw(tile, r, $"Forecast, {current.Quarter}", NumberFormat.Money(current.ForecastArr)),
            (tile, r) => KpiTile.Draw(tile, r, "Won to date", NumberFormat.Money(current.WonToDateArr)),
            (tile, r) => KpiTile.Draw(tile, r, "Expected from open pipeline", NumberFormat.Money(current.ExpectedFromOpenArr)),
            (tile, r) => KpiTile.Draw(tile, r, "Expected from pipeline not yet created", NumberFormat.Money(current.ExpectedFromNewArr)));
        var (left, right) = SplitColumns(page.Take(page.Remaining - 120, Gap), 0.5);
        // A motion with next to nothing (the demo's 'unspecified') would stretch the axis for a few dollars.
        var motions = data.ForecastByMotion.Where(m => m.ForecastArr >= 0.005 * current.ForecastArr).ToList();
        BarChart.Draw(page, left, motions.Select(m => m.Motion).ToList(),
            [new Series("Won to date", motions.Select(m => (double?)m.WonToDateArr).ToList()),
             new Series("From open pipeline", motions.Select(m => (double?)m.ExpectedFromOpenArr).ToList()),
             new Series("From new pipeline", motions.Select(m => (double?)m.ExpectedFromNewArr).ToList())],
            ValueFormat.Money, BarLayout.Stacked, $"Forecast by motion, {current.Quarter}", new BarChartOptions { Horizontal = true });
        var backtest = data.Forecast.Where(f => f.Kind == "backtest").ToList();
        BarChart.Draw(page, right, backtest.Select(b => b.Quarter).ToList(),
            [new Series("Forecast", backtest.Select(b => (double?)b.ForecastArr).ToList()), new Series("Actual", backtest.Select(b => b.ActualArr).ToList()),
             new Series("Naive (last quarter)", backtest.Select(b => b.NaiveArr).ToList())],
            ValueFormat.Money, BarLayout.Grouped, "Back-test: forecast made at the same point of past quarters");
        var mape = data.BacktestMape;
        var naive = data.BacktestNaiveMape;
        Paragraph(page, $"Back-test error over {backtest.Count} quarters: mean absolute percentage error {Pct(mape)} for this forecast against {Pct(naive)} "
            + "for the naive forecast (last quarter's sourced ARR). The forecast's settings were chosen on these same quarters, so the error "
            + "is optimistic.");
        Paragraph(page, string.Join("   ", backtest.Select(b => $"{b.Quarter}: {Pct(b.AbsPctError)} (naive {Pct(b.NaiveAbsPctError)})")), ReportFonts.Small, Palette.Muted);
    }

    private static void WinRates(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Win rate and cycle time by motion",
            $"Win rate, new business: won / (won + lost) of new-business deals closed in {data.Quarter}; renewals and expansions are left out. Direct sales is the baseline");
        var (left, right) = SplitColumns(page.Take(210, Gap), 0.5);
        var motions = data.WinRateHistory.Select(w => w.Motion).Distinct().ToList();
        var quarters = data.Quarters.Select(q => q.Quarter).ToList();
        LineChart.Draw(page, left, quarters,
            motions.Select(m => new Series(m, quarters.Select(q => data.WinRateHistory.FirstOrDefault(w => w.Motion == m && w.Quarter == q)?.WinRate).ToList())).ToList(),
            ValueFormat.Percent, "Win rate, new business, by quarter");
        CycleTimeChart(page, right, data, $"Median cycle time, {data.Quarter}");
        var table = new TableBlock([
            new TableColumn("Motion", 1.2), new TableColumn("Won", 0.7, ColumnAlign.Right), new TableColumn("Lost", 0.7, ColumnAlign.Right),
            new TableColumn("Win rate", 0.9, ColumnAlign.Right), new TableColumn("vs direct", 0.9, ColumnAlign.Right),
            new TableColumn("vs direct, mix-adjusted", 1.3, ColumnAlign.Right), new TableColumn("Mean won ARR", 1, ColumnAlign.Right),
            new TableColumn("Median cycle", 0.9, ColumnAlign.Right), new TableColumn("Cycle vs direct", 1, ColumnAlign.Right)]);
        foreach (var w in data.WinRates)
        {
            table.AddRow([w.Motion, NumberFormat.Count(w.Won), NumberFormat.Count(w.Lost), Percent(w.WinRate, 1),
                w.Motion == "direct" ? "baseline" : Points(w.DeltaVsDirectPp), w.Motion == "direct" ? "baseline" : Points(w.MixAdjustedDeltaPp),
                Money(w.MeanWonArr), w.MedianCycleDays is { } d ? NumberFormat.Days(d) : NumberFormat.NotAvailable,
                w.Motion == "direct" ? "baseline" : w.CycleDeltaVsDirectDays is { } cd ? NumberFormat.SignedDays(cd) : NumberFormat.NotAvailable],
                w.Motion == "direct" ? RowStyle.Muted : RowStyle.Normal);
        }

        page = Table(document, page, table, "Win rate and cycle time by motion");
        if (page.Fits(40))
        {
            Paragraph(page, "Mix-adjusted: the motion's win rate minus the win rate direct sales would have had on the same mix of segment and ARR band "
                + "(cells where both sell); it removes the part of the gap that comes only from selling different deals.", ReportFonts.Small, Palette.Muted);
        }
    }

    private static string Pct(double? percent) => percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : NumberFormat.NotAvailable;

    private static string Points(double? pp) => pp is { } p ? NumberFormat.Points(p) : NumberFormat.NotAvailable;
}
