using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Display;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

/// <summary>
/// One partner's QBR pack: KPIs against last quarter with three suggested actions, pipeline and wins/losses, the tier
/// checklist with the exact gap to the next tier, registrations and SLAs, and stalled deals. It is drawn only from
/// that partner's <see cref="PartnerQbrData"/>, so it cannot show another partner's figures.
/// </summary>
public static class PartnerQbrPack
{
    /// <summary>Renders the pack.</summary>
    public static ReportDocument Render(PartnerQbrData data)
    {
        var partner = data.Partner;
        var document = new ReportDocument($"{partner.Name}: partner QBR {data.Quarter}", data.Snapshot.Provenance,
            createdAt: data.Snapshot.SnapshotDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (data.SoWhat is { } soWhat)
        {
            SoWhatPage.Draw(document, $"{partner.Name} · so what", data.Quarter, data.Previous?.Quarter, soWhat);
        }

        Overview(document, data);
        Pipeline(document, data);
        TierAndOperations(document, data);
        return document;
    }

    private static void Overview(ReportDocument document, PartnerQbrData data)
    {
        var p = data.Partner;
        var page = document.AddPage($"{p.Name} · QBR {data.Quarter}", $"{p.PartnerType} partner, {p.Tier} tier, {p.Region} · partner manager {p.ManagerEmail}");
        var now = data.This;
        var before = data.Previous;
        var history = data.History;
        KpiRow(page, 88,
            (tile, r) => KpiTile.Draw(tile, r, "Sourced ARR won", NumberFormat.Money(now.SourcedArr), Delta(now.SourcedArr, before?.SourcedArr),
                TrendOf(now.SourcedArr - (before?.SourcedArr ?? now.SourcedArr)), true, history.Select(q => q.SourcedArr).ToList()),
            (tile, r) => KpiTile.Draw(tile, r, "Influenced ARR won", NumberFormat.Money(now.InfluencedArr), Delta(now.InfluencedArr, before?.InfluencedArr),
                TrendOf(now.InfluencedArr - (before?.InfluencedArr ?? now.InfluencedArr)), true, history.Select(q => q.InfluencedArr).ToList()),
            (tile, r) => KpiTile.Draw(tile, r, "Win rate, new business", Percent(now.WinRate),
                $"{NumberFormat.Count(now.NewBusinessWon)} won of {NumberFormat.Count(now.NewBusinessWon + now.NewBusinessLost)} closed"
                    + (now.WinRate is { } w && before?.WinRate is { } b ? ", " + NumberFormat.Points((w - b) * 100) + " QoQ" : ""),
                TrendOf(now.WinRate - before?.WinRate), true),
            (tile, r) => KpiTile.Draw(tile, r, "Registrations decided in 48 h", Percent(now.DecidedWithin48hShare),
                $"{NumberFormat.Count(now.RegistrationsSubmitted)} submitted", Trend.Flat));
        var (left, right) = SplitColumns(page.Take(page.Remaining, Gap), 0.58);
        BarChart.Draw(page, left, history.Select(q => q.Quarter).ToList(),
            [new Series("Sourced", history.Select(q => (double?)q.SourcedArr).ToList()), new Series("Influenced", history.Select(q => (double?)q.InfluencedArr).ToList())],
            ValueFormat.Money, BarLayout.Stacked, "Credited ARR won by quarter",
            new BarChartOptions { EmptyText = $"No ARR was credited to {data.Partner.Name} in {history.FirstOrDefault()?.Quarter ?? data.Quarter}..{data.Quarter}." });
        var g2 = page.Graphics;
        var y = right.Top;
        g2.DrawReportText("Suggested actions for next quarter", ReportFonts.Subheading, new XSolidBrush(Palette.Text), new XRect(right.Left, y, right.Width, 14), XStringFormats.TopLeft);
        y += 20;
        var number = 1;
        foreach (var action in data.Actions)
        {
            var text = $"{number++}. {action}";
            var used = TextBlock.Draw(g2, new XRect(right.Left, y, right.Width, right.Bottom - y), text, ReportFonts.Body, Palette.Text);
            y += used + 8;
        }
    }

    private static void Pipeline(ReportDocument document, PartnerQbrData data)
    {
        var page = document.AddPage($"{data.Partner.Name} · pipeline, wins and losses", $"Open deals at {data.Snapshot.SnapshotDate:yyyy-MM-dd}; deals closed in {data.Quarter}");
        var stages = data.OpenPipeline;
        var open = data.OpenTotals;
        var now = data.This;
        KpiRow(page, 64,
            (tile, r) => KpiTile.Draw(tile, r, "Open deals", NumberFormat.Count(open.OpenDeals), NumberFormat.Money(open.OpenArr) + " ARR"),
            (tile, r) => KpiTile.Draw(tile, r, "Credited open pipeline", NumberFormat.Money(open.OpenCreditedArr)),
            (tile, r) => KpiTile.Draw(tile, r, $"Won in {data.Quarter}", NumberFormat.Count(now.Won), NumberFormat.Money(now.WonCreditedArr) + " credited"),
            (tile, r) => KpiTile.Draw(tile, r, $"Lost in {data.Quarter}", NumberFormat.Count(now.Lost), NumberFormat.Money(now.LostArr) + " ARR"));
        var (left, right) = SplitColumns(page.Take(Math.Min(190, page.Remaining), Gap), 0.5);
        BarChart.Draw(page, left, stages.Select(s => Labels.Stage(s.Stage)).ToList(),
            [new Series("Credited ARR", stages.Select(s => (double?)s.CreditedArr).ToList())], ValueFormat.Money, BarLayout.Grouped, "Open pipeline by stage",
            new BarChartOptions { Horizontal = true, EmptyText = "No open deal carries credited ARR for this partner." });
        var lostReasons = data.LostReasons;
        BarChart.Draw(page, right, lostReasons.Select(l => l.Reason.Replace('_', ' ')).ToList(),
            [new Series("Deals lost", lostReasons.Select(l => (double?)l.Deals).ToList())], ValueFormat.Count, BarLayout.Grouped, $"Why deals were lost, {data.Quarter}",
            new BarChartOptions { Horizontal = true, EmptyText = $"No deal was lost in {data.Quarter}." });
        var table = new TableBlock([new TableColumn("Deal", 3), new TableColumn("Outcome", 0.8), new TableColumn("Attribution", 1), new TableColumn("ARR", 0.9, ColumnAlign.Right),
            new TableColumn("Credited", 0.9, ColumnAlign.Right), new TableColumn("Lost reason", 1.3)])
        {
            EmptyText = $"No deal this partner is on closed in {data.Quarter}.",
        };
        var (won, lost) = ClosedDealsListed(data.ClosedDeals);
        foreach (var d in won.Concat(lost))
        {
            table.AddRow([d.Name, d.IsWon ? "won" : "lost", d.Attribution, NumberFormat.Money(d.Arr), NumberFormat.Money(d.CreditedArr), d.LostReason?.Replace('_', ' ') ?? ""],
                d.IsWon ? RowStyle.Normal : RowStyle.Muted);
        }

        var end = Table(document, page, table, $"{data.Partner.Name} · deals closed in {data.Quarter}");
        var wonTotal = data.ClosedDeals.Count(d => d.IsWon);
        var lostTotal = data.ClosedDeals.Count - wonTotal;
        if (won.Count + lost.Count < data.ClosedDeals.Count)
        {
            Paragraph(end, $"Listed, largest ARR first: {NumberFormat.Count(won.Count)} of {NumberFormat.Count(wonTotal)} won and {NumberFormat.Count(lost.Count)} of "
                + $"{NumberFormat.Count(lostTotal)} lost; every deal closed in {data.Quarter} is in the warehouse table marts.partner_deals.", ReportFonts.Small, Palette.Muted);
        }
    }

    /// <summary>The closed deals the pack lists, largest ARR first: at most <see cref="ClosedDealsListedMax"/>, of which
    /// lost deals take at least <see cref="LostDealsListedMin"/> places when there are that many, so a quarter of many wins
    /// still shows its losses.</summary>
    internal static (IReadOnlyList<PartnerQbrData.ClosedDeal> Won, IReadOnlyList<PartnerQbrData.ClosedDeal> Lost) ClosedDealsListed(IReadOnlyList<PartnerQbrData.ClosedDeal> deals)
    {
        var won = deals.Where(d => d.IsWon).OrderByDescending(d => d.Arr).ThenBy(d => d.OpportunityId, StringComparer.Ordinal).ToList();
        var lost = deals.Where(d => !d.IsWon).OrderByDescending(d => d.Arr).ThenBy(d => d.OpportunityId, StringComparer.Ordinal).ToList();
        var lostListed = Math.Min(lost.Count, Math.Max(LostDealsListedMin, ClosedDealsListedMax - won.Count));
        var wonListed = Math.Min(won.Count, ClosedDealsListedMax - lostListed);
        return (won.Take(wonListed).ToList(), lost.Take(lostListed).ToList());
    }

    /// <summary>The most closed deals a partner pack lists.</summary>
    internal const int ClosedDealsListedMax = 40;

    /// <summary>The places among them kept for lost deals, when there are that many.</summary>
    internal const int LostDealsListedMin = 15;

    /// <summary>The most deals at risk a partner pack lists.</summary>
    internal const int StalledDealsListedMax = 15;

    private static void TierAndOperations(ReportDocument document, PartnerQbrData data)
    {
        var p = data.Partner;
        var target = data.TargetTier;
        var page = document.AddPage($"{p.Name} · tier, registrations and deals at risk",
            target is null ? "No tier review for this quarter" : target == p.Tier ? $"Keeping {target}: review of {data.Quarter}" : $"Progress to {target}: review of {data.Quarter}");
        var top = page.Take(Math.Min(26 + 24 * Math.Max(5, data.Tier.Count), page.Remaining), Gap);
        var (left, right) = SplitColumns(top, 0.62);
        var g = page.Graphics;
        var y = left.Top;
        y += TextBlock.Draw(g, new XRect(left.Left, y, left.Width, 32), $"Recommendation: {data.RecommendationText}", ReportFonts.Subheading, Palette.Text) + 4;
        if (target is not null && data.Tier.Count > 0)
        {
            var met = data.Tier.Count(c => c.IsMet);
            var readiness = data.Readiness is { } r ? $"; probability of meeting all of them at the next review {ReadinessPercent(r)} (tier-readiness model)" : "";
            y += TextBlock.Draw(g, new XRect(left.Left, y, left.Width, 30), $"{met} of {data.Tier.Count} criteria of {target} met{readiness}.", ReportFonts.Body, Palette.Muted) + 6;
        }
        foreach (var c in data.Tier)
        {
            var gap = c.IsMet ? "met" : $"-{PartnerFactsGap(c)}";
            ProgressBar.Draw(g, new XRect(left.Left, y, left.Width, 18), c.Label, c.Progress, $"{c.ValueText} / {c.ThresholdText} · {gap}", c.IsMet);
            y += 24;
        }

        if (data.Tier.Count > 0)
        {
            TextBlock.Draw(g, new XRect(left.Left, y, left.Width, 14), "Bar: value against the threshold, then what is missing. Solid: met; hatched: not met yet.", ReportFonts.Small, Palette.Muted);
        }
        else
        {
            TextBlock.Draw(g, new XRect(left.Left, y, left.Width, 30), "No criterion could be judged for this quarter.", ReportFonts.Body, Palette.Muted);
        }

        var now = data.This;
        var registration = new TableBlock([new TableColumn($"Deal registration, {data.Quarter}", 2), new TableColumn("", 1, ColumnAlign.Right)]);
        registration.AddRow(["Submitted", NumberFormat.Count(now.RegistrationsSubmitted)]);
        registration.AddRow(["Decided", NumberFormat.Count(now.RegistrationsDecided)]);
        registration.AddRow(["Decided within 48 h", Percent(now.DecidedWithin48hShare)], now.DecidedWithin48hShare < 0.9 ? RowStyle.Warning : RowStyle.Normal);
        registration.AddRow(["Approval rate", Percent(now.ApprovalRate)]);
        registration.AddRow(["Protections ending within 7 days", NumberFormat.Count(data.ExpiringProtections.Count)], data.ExpiringProtections.Count > 0 ? RowStyle.Warning : RowStyle.Normal);
        registration.AddRow(["Open deals with hygiene findings", $"{data.Hygiene.WithFindings} of {data.Hygiene.OpenDeals}"]);
        registration.Draw(document, page, right, p.Name);
        page.MoveTo(Math.Max(top.Bottom, registration.EndY) + Gap);

        Caption(page, "Open deals most likely to stall (score 0-100: no stage advance or win within 30 days)");
        var stalled = new TableBlock([new TableColumn("Score", 0.5, ColumnAlign.Right), new TableColumn("Deal", 2.2), new TableColumn("Stage", 1),
            new TableColumn("ARR", 0.7, ColumnAlign.Right), new TableColumn("Why", 5)])
        {
            RowHeight = 24,
            MinRowHeight = 21.5,
            EmptyText = "No open deal of this partner has a stalled-deal score.",
        };
        foreach (var d in data.StalledDeals.Take(StalledDealsListedMax))
        {
            stalled.AddRow([d.Score.ToString(CultureInfo.InvariantCulture), d.OpportunityName, Labels.Stage(d.Stage), NumberFormat.Money(d.Arr), string.Join("; ", d.Reasons)],
                d.Score >= 70 ? RowStyle.Warning : RowStyle.Normal);
        }

        var end = Table(document, page, stalled, $"{p.Name} · deals at risk");
        ListedOf(end, Math.Min(StalledDealsListedMax, data.StalledDeals.Count), data.StalledDeals.Count, "scored open deals (highest score first)", "scores.stalled_deals");
    }

    /// <summary>A probability as a percentage that never reads "0%" or "100%" for a model's estimate.</summary>
    internal static string ReadinessPercent(double probability) => probability switch
    {
        < 0.01 => "below 1%",
        > 0.99 => "above 99%",
        _ => NumberFormat.Percent(probability),
    };

    private static string PartnerFactsGap(Weekly.CriterionProgress c) =>
        Data.PartnerFacts.CriterionValue(c.Criterion, c.Value is { } v ? c.Threshold - v : c.Threshold);

    private static string? Delta(double now, double? before) => before is null ? null
        : Change(now, before) is { } c ? NumberFormat.SignedPercent(c) + " QoQ" : NumberFormat.SignedMoney(now - before.Value) + " QoQ";
}
