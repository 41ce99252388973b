using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Weekly;

/// <summary>The weekly email's attachment: one page per partner of the manager, drawn only from that manager's card.</summary>
public static class ScorecardPdf
{
    /// <summary>The most deals at risk a partner's scorecard page lists.</summary>
    internal const int StalledDealsListedMax = 8;

    /// <summary>Renders one page per partner of <paramref name="card"/>.</summary>
    public static ReportDocument Render(WeeklyScorecard card)
    {
        var document = new ReportDocument($"Partner scorecards {card.Week} for {card.ManagerEmail}", $"Snapshot {card.SnapshotDate:yyyy-MM-dd} · run {card.RunId}",
            PdfSharp.PageOrientation.Portrait, card.SnapshotDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        foreach (var partner in card.Partners)
        {
            Page(document, card, partner);
        }

        if (card.Partners.Count == 0)
        {
            document.AddPage($"Partner scorecards {card.Week}", "No active partners");
        }

        if (card.Changes.Deals.Count > 0)
        {
            ChangesPage(document, card);
        }

        return document;
    }

    private static void Page(ReportDocument document, WeeklyScorecard card, ScorecardPartner partner)
    {
        var page = document.AddPage($"{partner.Name} · scorecard {card.Week}",
            $"{partner.PartnerType} partner, {partner.Tier} tier" + (partner.Recommendation is { } r ? $" · current review: {r}" : ""));
        var change = partner.SourcedPipelineArrWeekAgo is { } ago ? partner.SourcedPipelineArr - ago : (double?)null;
        KpiRow(page, 74,
            (tile, a) => KpiTile.Draw(tile, a, "Sourced pipeline", NumberFormat.Money(partner.SourcedPipelineArr),
                change is { } c ? NumberFormat.SignedMoney(c) + " this week" : "no figure a week ago", TrendOf(change)),
            (tile, a) => KpiTile.Draw(tile, a, "Open deals", NumberFormat.Count(partner.OpenDeals)),
            (tile, a) => KpiTile.Draw(tile, a, $"Ready for {partner.NextTier ?? partner.Tier}", partner.Readiness is { } p ? NumberFormat.Percent(p) : NumberFormat.NotAvailable,
                "at the next review"));

        Caption(page, partner.NextTier is null ? $"Keeping {partner.Tier}" : $"Progress to {partner.NextTier}");
        foreach (var criterion in partner.Criteria)
        {
            ProgressBar.Draw(page.Graphics, page.Take(18, 6), criterion.Label, criterion.Progress, $"{criterion.ValueText} / {criterion.ThresholdText}", criterion.IsMet);
        }

        if (partner.Criteria.Count == 0)
        {
            Paragraph(page, "No criterion could be judged yet this quarter.", ReportFonts.Body, Palette.Muted);
        }

        page.Skip(Gap);
        var pending = card.PendingDecisions.Where(x => x.PartnerId == partner.PartnerId).ToList();
        var expiring = card.ExpiringProtections.Where(x => x.PartnerId == partner.PartnerId).ToList();
        var actions = new TableBlock([new TableColumn("This week", 1.2), new TableColumn("Item", 2.6), new TableColumn("When", 1.2, ColumnAlign.Right)])
        {
            EmptyText = "This week: no registration awaits a decision and no protection ends within 7 days.",
        };
        foreach (var x in pending)
        {
            actions.AddRow(["Decision pending", x.CompanyName, $"{x.AgeHours.ToString("0", CultureInfo.InvariantCulture)} h" + (x.IsOverdue ? " · OVERDUE" : "")],
                x.IsOverdue ? RowStyle.Warning : RowStyle.Normal);
        }

        foreach (var x in expiring)
        {
            actions.AddRow(["Protection ends", x.CompanyName, $"{x.ProtectionEnd:yyyy-MM-dd} ({x.DaysLeft} d)"], RowStyle.Warning);
        }

        page = Table(document, page, actions, partner.Name);
        Caption(page, "Deals with the most ARR at risk (ARR x chance of stalling)");
        var stalled = new TableBlock([new TableColumn("Score", 0.5, ColumnAlign.Right), new TableColumn("Deal", 2), new TableColumn("ARR", 0.7, ColumnAlign.Right),
            new TableColumn("At risk", 0.7, ColumnAlign.Right), new TableColumn("Why", 2.7)])
        {
            EmptyText = "No open deal of this partner has a stalled-deal score.",
        };
        var listed = card.StalledDeals.Where(x => x.PartnerId == partner.PartnerId).Take(StalledDealsListedMax).ToList();
        foreach (var d in listed)
        {
            stalled.AddRow([d.Score.ToString(CultureInfo.InvariantCulture), d.OpportunityName, NumberFormat.Money(d.Arr), NumberFormat.Money(d.ArrAtRisk),
                d.Reasons.FirstOrDefault() ?? ""], d.Score >= WeeklyScorecard.StalledActionScore ? RowStyle.Warning : RowStyle.Normal);
        }

        var end = Table(document, page, stalled, partner.Name);
        ListedOf(end, listed.Count, card.StalledDealsScoredOf(partner.PartnerId), "scored open deals (most ARR at risk first)", "scores.stalled_deals");
    }

    /// <summary>The last page: every deal of the manager's partners that changed since the previous week's snapshot.</summary>
    private static void ChangesPage(ReportDocument document, WeeklyScorecard card)
    {
        var changes = card.Changes;
        var page = document.AddPage($"Since last week · {card.Week}", Email.WeeklyEmailWording.SinceLastWeekIntro(changes));
        var table = new TableBlock([new TableColumn("Change", 0.8), new TableColumn("Deal", 2.4), new TableColumn("Partner", 1.6),
            new TableColumn("ARR", 0.8, ColumnAlign.Right), new TableColumn("Close date", 1.8)])
        {
            EmptyText = "No deal of your partners was created, won, lost or slipped since last week's snapshot.",
        };
        foreach (var d in changes.Deals)
        {
            var close = d.Change == "slipped" && d.PreviousCloseDate is { } before
                ? string.Create(CultureInfo.InvariantCulture, $"{before:yyyy-MM-dd} -> {d.CloseDate:yyyy-MM-dd}")
                : d.CloseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            table.AddRow([Email.WeeklyEmailWording.ChangeLabel(d.Change), d.OpportunityName, d.PartnerNames, NumberFormat.Money(d.Arr), close],
                d.Change is "lost" or "slipped" ? RowStyle.Warning : RowStyle.Normal);
        }

        Table(document, page, table, "Since last week");
    }
}
