using Analytics.Reports.Charts;
using Analytics.Reports.Display;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

public static partial class ProgramQbrPack
{
    private static void Registrations(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Deal registration and SLAs", "Target: a decision within 48 hours of submission; registrations by quarter of submission");
        var now = data.Registrations.FirstOrDefault(r => r.Quarter == data.Quarter);
        var registered = data.RegisteredWinRates.FirstOrDefault(r => r.IsRegistered);
        var unregistered = data.RegisteredWinRates.FirstOrDefault(r => !r.IsRegistered);
        KpiRow(page, 70,
            (tile, r) => KpiTile.Draw(tile, r, $"Registrations submitted, {data.Quarter}", NumberFormat.Count(now?.Submitted ?? 0)),
            (tile, r) => KpiTile.Draw(tile, r, "Decided within 48 h", Percent(now is { Decided: > 0 } ? (double)now.DecidedWithin48h / now.Decided : null),
                now is null ? null : $"{NumberFormat.Count(now.Missed48h)} missed the SLA"),
            (tile, r) => KpiTile.Draw(tile, r, "Approval rate", Percent(now is { Decided: > 0 } ? (double)now.Approved / now.Decided : null)),
            (tile, r) => KpiTile.Draw(tile, r, "Win rate, registered vs not", $"{Percent(registered?.WinRate)} vs {Percent(unregistered?.WinRate)}",
                "partner deals closed in the quarter"));
        var (left, right) = SplitColumns(page.Take(page.Remaining, Gap), 0.55);
        var quarters = data.Registrations.Select(r => r.Quarter).ToList();
        BarChart.Draw(page, new XRect(left.X, left.Y, left.Width, left.Height / 2 - 6), quarters,
            [new Series("Decided within 48 h", data.Registrations.Select(r => (double?)r.DecidedWithin48h).ToList()),
             new Series("Missed 48 h", data.Registrations.Select(r => (double?)r.Missed48h).ToList())],
            ValueFormat.Count, BarLayout.Stacked, "Registrations decided, by 48-hour SLA");
        LineChart.Draw(page, new XRect(left.X, left.Y + left.Height / 2 + 6, left.Width, left.Height / 2 - 6), quarters,
            [new Series("Decided within 48 h", data.Registrations.Select(r => r.Decided == 0 ? null : (double?)r.DecidedWithin48h / r.Decided).ToList()),
             new Series("Approved", data.Registrations.Select(r => r.Decided == 0 ? null : (double?)r.Approved / r.Decided).ToList())],
            ValueFormat.Percent, "Share of decided registrations");
        BarChart.Draw(page, right, data.DeclineReasons.Select(d => d.Reason.Replace('_', ' ')).ToList(),
            [new Series("Declined", data.DeclineReasons.Select(d => (double?)d.Declined).ToList())], ValueFormat.Count, BarLayout.Grouped,
            $"Why registrations were declined, {data.Quarter}", new BarChartOptions { Horizontal = true });
    }

    private static void Conflicts(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Channel conflict", "Target: acknowledged within 24 hours, a resolution plan within 5 business days");
        var (left, right) = SplitColumns(page.Take(220, Gap), 0.5);
        var quarters = data.Conflicts.Select(c => c.Quarter).ToList();
        LineChart.Draw(page, left, quarters, [new Series("Conflicts per 100 registrations", data.Conflicts.Select(c => c.Per100Registrations).ToList())],
            ValueFormat.Decimal, "Conflicts opened per 100 registrations submitted");
        BarChart.Draw(page, right, quarters, [new Series("Conflicts opened", data.Conflicts.Select(c => (double?)c.ConflictsOpened).ToList())],
            ValueFormat.Count, BarLayout.Grouped, "Conflicts opened");
        Caption(page, $"Conflicts opened in {data.Quarter}, by type");
        var table = new TableBlock([
            new TableColumn("Type", 1.4), new TableColumn("Opened", 0.8, ColumnAlign.Right), new TableColumn("Acknowledged within 24 h", 1.4, ColumnAlign.Right),
            new TableColumn("Resolved within 5 business days", 1.6, ColumnAlign.Right), new TableColumn("Median days to resolve", 1.2, ColumnAlign.Right)]);
        foreach (var c in data.ConflictTypes)
        {
            table.AddRow([c.Type.Replace('_', ' '), NumberFormat.Count(c.Opened), Percent(c.Acknowledged24hShare), Percent(c.Resolved5bdShare),
                c.MedianResolutionDays is { } d ? NumberFormat.Days(d) : NumberFormat.NotAvailable],
                c.Acknowledged24hShare < 0.8 || c.Resolved5bdShare < 0.8 ? RowStyle.Warning : RowStyle.Normal);
        }

        Table(document, page, table, "Channel conflict");
    }

    private static void Tiers(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Tiers", $"Review of {data.Quarter}: a partner keeps its tier by meeting the tier's criteria; a near miss gets one quarter of grace");
        var top = page.Take(200, Gap);
        var (left, right) = SplitColumns(top, 0.45);
        var tiers = data.TierCounts.OrderBy(t => t.TierRank).Select(t => t.Tier).Distinct().ToList();
        var recommendations = new[] { "upgrade", "hold", "grace", "downgrade" };
        BarChart.Draw(page, left, tiers,
            recommendations.Select(rec => new Series(rec, tiers.Select(t => (double?)(data.TierCounts.FirstOrDefault(c => c.Tier == t && c.Recommendation == rec)?.Partners ?? 0)).ToList())).ToList(),
            ValueFormat.Count, BarLayout.Stacked, "Partners per tier, by recommendation");
        var readiness = new TableBlock([new TableColumn("Readiness leaders", 2), new TableColumn("Tier → next", 1.4), new TableColumn("Probability", 0.9, ColumnAlign.Right),
            new TableColumn("Criteria met", 0.9, ColumnAlign.Right)])
        {
            EmptyText = "No partner has a tier-readiness score: the models have not scored this warehouse.",
        };
        foreach (var r in data.ReadinessLeaders)
        {
            readiness.AddRow([r.PartnerName, $"{r.CurrentTier} → {r.NextTier}", NumberFormat.Percent(r.Probability), $"{r.CriteriaMet} of {r.CriteriaJudged}"]);
        }

        readiness.Draw(document, page, right, "Tiers");
        page.MoveTo(Math.Max(top.Bottom, readiness.EndY) + Gap);
        var repeated = data.TierMoves.Count(m => m.DowngradeStreakQuarters >= 2);
        Caption(page, $"Recommended moves ({data.TierMoves.Count})" + (repeated > 0
            ? $"; {repeated} of the downgrades were already recommended the quarter before and the tier is unchanged: apply them or change the criteria"
            : ""));
        var moves = new TableBlock([new TableColumn("Partner", 2), new TableColumn("Tier", 0.9), new TableColumn("Recommendation", 1.6),
            new TableColumn("To", 0.9), new TableColumn("Nearest gap", 3.2)])
        {
            EmptyText = "Every partner holds its tier: no upgrade, grace or downgrade is recommended.",
        };
        foreach (var m in data.TierMoves)
        {
            var recommendation = m.DowngradeStreakQuarters >= 2 ? $"downgrade ({m.DowngradeStreakQuarters} quarters running)" : m.Recommendation;
            moves.AddRow([m.PartnerName, m.Tier, recommendation, m.RecommendedTier ?? "", m.NearestGap ?? ""],
                m.Recommendation == "downgrade" ? RowStyle.Warning : m.Recommendation == "upgrade" ? RowStyle.Emphasis : RowStyle.Normal);
        }

        Table(document, page, moves, "Tiers: recommended moves");
    }

    private static void StalledDeals(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage($"The {data.StalledDeals.Count} deals most likely to stall",
            "Stalled-deal score: probability (0-100) that an open partner deal neither advances a stage nor closes won within 30 days");
        var table = new TableBlock([new TableColumn("Score", 0.5, ColumnAlign.Right), new TableColumn("Deal", 2.2), new TableColumn("Partner", 1.5),
            new TableColumn("Motion", 0.8), new TableColumn("Stage", 1.1), new TableColumn("ARR", 0.6, ColumnAlign.Right), new TableColumn("Why", 4.2)])
        {
            RowHeight = 24,
            MinRowHeight = 21.5, // two lines of 8 pt still fit; keeps a list that overflows by a row or two on its page
        };
        foreach (var d in data.StalledDeals)
        {
            table.AddRow([d.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), d.OpportunityName, d.PartnerName, d.Motion, Labels.Stage(d.Stage),
                NumberFormat.Money(d.Arr), d.Reasons], d.Score >= 70 ? RowStyle.Warning : RowStyle.Normal);
        }

        Table(document, page, table, "Deals most likely to stall");
    }

    private static void TopPartners(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Top partners", $"By credited ARR won in {data.Quarter} (sourced + influenced)");
        var top = data.TopPartners;
        BarChart.Draw(page, page.Take(220, Gap), top.Select(p => p.PartnerName).ToList(),
            [new Series("Sourced", top.Select(p => (double?)p.SourcedArr).ToList()), new Series("Influenced", top.Select(p => (double?)p.InfluencedArr).ToList())],
            ValueFormat.Money, BarLayout.Stacked, null, new BarChartOptions { Horizontal = true });
        var table = new TableBlock([new TableColumn("Partner", 2), new TableColumn("Type", 1), new TableColumn("Tier", 0.8), new TableColumn("Sourced", 1, ColumnAlign.Right),
            new TableColumn("Influenced", 1, ColumnAlign.Right), new TableColumn($"Credited, {data.PreviousQuarter ?? "before"}", 1.2, ColumnAlign.Right),
            new TableColumn("Change", 0.8, ColumnAlign.Right)]);
        foreach (var p in top)
        {
            var now = p.SourcedArr + p.InfluencedArr;
            table.AddRow([p.PartnerName, p.PartnerType, p.Tier, NumberFormat.Money(p.SourcedArr), NumberFormat.Money(p.InfluencedArr),
                NumberFormat.Money(p.PreviousCreditedArr), Change(now, p.PreviousCreditedArr) is { } c ? NumberFormat.SignedPercent(c) : "new"]);
        }

        Table(document, page, table, "Top partners");
    }
}
