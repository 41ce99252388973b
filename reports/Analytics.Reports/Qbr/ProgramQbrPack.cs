using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

/// <summary>
/// The program QBR pack: cover, executive summary, ARR, pipeline and forecast, win rate and cycle time, deal
/// registration, conflict, tiers, stalled deals, top partners and an appendix. Every page footer names the snapshot
/// date and run id (<see cref="Data.ReportSnapshot.Provenance"/>).
/// </summary>
public static partial class ProgramQbrPack
{
    /// <summary>DOMAIN.md's benchmark for the partner share of new pipeline.</summary>
    public const double PartnerShareBenchmark = 0.35;

    /// <summary>Renders the pack for <paramref name="data"/>, its appendix defining each figure as <paramref name="definitions"/> says (<see cref="ReadDefinitions"/>).</summary>
    public static ReportDocument Render(ProgramQbrData data, IReadOnlyList<(string Metric, string Definition)> definitions)
    {
        var snapshot = data.Snapshot;
        var document = new ReportDocument($"Partner program QBR {data.Quarter}", snapshot.Provenance,
            createdAt: snapshot.SnapshotDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        Cover(document, data);
        if (data.SoWhat is { } soWhat)
        {
            SoWhatPage.Draw(document, "So what", data.Quarter, data.PreviousQuarter, soWhat);
        }

        Summary(document, data);
        Arr(document, data);
        Forecast(document, data);
        WinRates(document, data);
        Registrations(document, data);
        Conflicts(document, data);
        Tiers(document, data);
        StalledDeals(document, data);
        TopPartners(document, data);
        Appendix(document, data, definitions);
        return document;
    }

    /// <summary>Median cycle time of deals closed in the quarter, one horizontal bar per motion (marts.cycle_times).</summary>
    private static void CycleTimeChart(ReportPage page, XRect area, ProgramQbrData data, string title)
    {
        var cycle = data.WinRates.Where(w => w.MedianCycleDays is not null).ToList();
        BarChart.Draw(page, area, cycle.Select(w => w.Motion).ToList(),
            [new Series("Median cycle time", cycle.Select(w => w.MedianCycleDays).ToList())], ValueFormat.Days, BarLayout.Grouped, title,
            new BarChartOptions { Horizontal = true });
    }

    private static void Cover(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Partner program quarterly business review", data.Quarter);
        var g = page.Graphics;
        page.Skip(60);
        var title = page.Take(40);
        g.DrawReportText($"Partner program QBR · {data.Quarter}", ReportFonts.Of(28, bold: true), new XSolidBrush(Palette.Text), title, XStringFormats.TopLeft);
        Paragraph(page, $"Sourced and influenced ARR, pipeline and forecast, win rates and cycle times against direct, deal registration, "
            + "channel conflict, tiers and the deals most at risk of stalling.", ReportFonts.Of(12), Palette.Muted);
        page.Skip(30);
        var figures = data.This;
        KpiRow(page, 80,
            (tile, r) => KpiTile.Draw(tile, r, "Partner-sourced ARR won", NumberFormat.Money(figures.SourcedArr)),
            (tile, r) => KpiTile.Draw(tile, r, "Partner-influenced ARR won", NumberFormat.Money(figures.InfluencedArr)),
            (tile, r) => KpiTile.Draw(tile, r, "Partner share of new pipeline", NumberFormat.Percent(figures.PartnerShareOfNewPipeline)),
            (tile, r) => KpiTile.Draw(tile, r, "Deals won with partners", NumberFormat.Count(figures.PartnerTouchedWonDeals)));
        page.Skip(40);
        Paragraph(page, $"Figures as of snapshot {data.Snapshot.SnapshotDate:yyyy-MM-dd} (run {data.Snapshot.RunId}); quarter {data.Quarter} "
            + $"closed. Every figure is defined in the appendix and recomputable from the lake's files of that snapshot.", ReportFonts.Body, Palette.Muted);
    }

    private static void Summary(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Executive summary", $"{data.Quarter} against {data.PreviousQuarter ?? "no earlier quarter"}");
        var now = data.This;
        var before = data.Previous;
        var sourcedChange = data.Summary.SourcedArrChange;
        var influencedChange = data.Summary.InfluencedArrChange;
        var mixDelta = data.Summary.PartnerMixAdjustedDeltaPp;
        var history = data.Quarters;

        KpiRow(page, 92,
            (tile, r) => KpiTile.Draw(tile, r, "Sourced ARR won", NumberFormat.Money(now.SourcedArr),
                sourcedChange is { } c ? NumberFormat.SignedPercent(c) + " QoQ" : null, TrendOf(sourcedChange), true, history.Select(q => q.SourcedArr).ToList()),
            (tile, r) => KpiTile.Draw(tile, r, "Influenced ARR won", NumberFormat.Money(now.InfluencedArr),
                influencedChange is { } c ? NumberFormat.SignedPercent(c) + " QoQ" : null, TrendOf(influencedChange), true, history.Select(q => q.InfluencedArr).ToList()),
            (tile, r) => KpiTile.Draw(tile, r, "Partner share of new pipeline", NumberFormat.Percent(now.PartnerShareOfNewPipeline, 1),
                $"{NumberFormat.Points((now.PartnerShareOfNewPipeline - PartnerShareBenchmark) * 100)} vs 35% benchmark",
                TrendOf(now.PartnerShareOfNewPipeline - PartnerShareBenchmark), true, history.Select(q => q.PartnerShareOfNewPipeline).ToList()),
            (tile, r) => KpiTile.Draw(tile, r, "Win rate vs direct, mix-adjusted", mixDelta is { } m ? NumberFormat.Points(m) : NumberFormat.NotAvailable,
                "weighted by closed deals", TrendOf(mixDelta)));

        var (left, right) = SplitColumns(page.Take(page.Remaining - 110, Gap), 0.5);
        CycleTimeChart(page, left, data, $"Median cycle time by motion, deals closed in {data.Quarter}");
        BarChart.Draw(page, right, data.WinRates.Select(w => w.Motion).ToList(),
            [new Series("Win rate", data.WinRates.Select(w => w.WinRate).ToList())], ValueFormat.Percent,
            title: $"Win rate, new business, by motion, {data.Quarter}",
            options: new BarChartOptions { Horizontal = true, ReferenceLine = data.WinRates.FirstOrDefault(w => w.Motion == "direct")?.WinRate is { } d ? new ReferenceLine(d, "direct") : null });

        var direct = data.WinRates.FirstOrDefault(w => w.Motion == "direct");
        var fastest = data.WinRates.Where(w => w.Motion != "direct" && w.MedianCycleDays is not null).OrderBy(w => w.MedianCycleDays).FirstOrDefault();
        Paragraph(page, string.Join(" ", new[]
        {
            $"Partners sourced {NumberFormat.Money(now.SourcedArr)} and influenced {NumberFormat.Money(now.InfluencedArr)} of ARR won in {data.Quarter}"
                + (before is null ? "." : $", against {NumberFormat.Money(before.SourcedArr)} and {NumberFormat.Money(before.InfluencedArr)} in {data.PreviousQuarter}."),
            $"Partner-touched deals were {NumberFormat.Percent(now.PartnerShareOfNewPipeline)} of new-business pipeline created "
                + (now.PartnerShareOfNewPipeline >= PartnerShareBenchmark ? "(at or above" : "(below") + " the 35% benchmark).",
            mixDelta is { } md ? $"Comparing like segments and deal sizes, partner motions win {NumberFormat.Points(md)} against direct." : "",
            direct?.MedianCycleDays is { } dc && fastest?.MedianCycleDays is { } fc
                ? $"The fastest partner motion, {fastest.Motion}, closes in a median {NumberFormat.Days(fc)} against {NumberFormat.Days(dc)} for direct." : "",
        }.Where(s => s.Length > 0)));
    }
}
