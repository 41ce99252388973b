using System.Text;
using Analytics.Reports.Charts;
using Analytics.Reports.Display;

namespace Analytics.Reports.Weekly.Email;

/// <summary>The deal sections: what changed since last week, and the deals with the most ARR at risk. One block per
/// deal, which reflows on a phone.</summary>
public static partial class WeeklyEmailHtml
{
    private static void AppendSinceLastWeek(StringBuilder html, WeeklyScorecard card)
    {
        var changes = card.Changes;
        if (!OpenSection(html, WeeklyEmailWording.SinceLastWeekTitle, WeeklyEmailWording.SinceLastWeekIntro(changes), changes.PreviousSnapshot is null,
            WeeklyEmailWording.NoPreviousSnapshot))
        {
            return;
        }

        html.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border:1px solid {Rule};\"><tr>");
        for (var i = 0; i < changes.Counts.Count; i++)
        {
            var c = changes.Counts[i];
            var colour = c.Deals == 0 ? Muted : c.Change switch { "won" => Good, "lost" or "slipped" => Alert, _ => Ink };
            Tile(html, Count(c.Deals), E(WeeklyEmailWording.ChangeLabel(c.Change)) + "<br />" + E(NumberFormat.Money(c.Arr)), colour,
                last: i == changes.Counts.Count - 1);
        }

        html.Append("</tr></table>");
        var listed = changes.Deals.Take(WeeklyScorecard.ChangedDealsInEmail).ToList();
        if (listed.Count > 0)
        {
            html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin-top:6px;border-collapse:collapse;\">");
            foreach (var deal in listed)
            {
                var colour = deal.Change switch { "won" => Good, "lost" or "slipped" => Alert, _ => Brand };
                html.Append("<tr>")
                    .Append($"<td width=\"72\" valign=\"top\" style=\"width:72px;padding:9px 8px 9px 0;border-bottom:1px solid {Rule};\">")
                    .Append(Tag(WeeklyEmailWording.ChangeLabel(deal.Change), colour)).Append("</td>")
                    .Append($"<td valign=\"top\" style=\"padding:8px 0;border-bottom:1px solid {Rule};font-size:14px;line-height:19px;color:{Ink};overflow-wrap:break-word;\">")
                    .Append("<b>").Append(Linked(Crm(deal.OpportunityName), card.Links.Deal(deal.OpportunityId))).Append("</b>")
                    .Append($"<div style=\"font-size:13px;line-height:18px;color:{Muted};\">")
                    .Append(Crm(deal.PartnerNames)).Append(Middot).Append(E(WeeklyEmailWording.ChangeDetail(deal))).Append("</div>")
                    .Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (changes.Deals.Count > listed.Count)
        {
            html.Append($"<p style=\"margin:8px 0 0;font-size:12px;line-height:17px;color:{Muted};\">")
                .Append(E(WeeklyEmailWording.ChangesListed(changes, listed.Count))).Append("</p>");
        }

        CloseSection(html);
    }

    private static void AppendStalledDeals(StringBuilder html, WeeklyScorecard card)
    {
        var deals = card.EmailedStalledDeals;
        if (!OpenSection(html, WeeklyEmailWording.StalledTitle, WeeklyEmailWording.StalledIntro, deals.Count == 0, "No open deals are at risk of stalling."))
        {
            return;
        }

        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;\">");
        foreach (var deal in deals)
        {
            var isAction = deal.Score >= WeeklyScorecard.StalledActionScore;
            var colour = isAction ? Alert : deal.Score >= 50 ? "#8a5a00" : Muted;
            html.Append("<tr>")
                .Append($"<td width=\"56\" valign=\"top\" style=\"width:56px;padding:10px 8px 10px 0;border-bottom:1px solid {Rule};\">")
                .Append($"<div style=\"width:48px;border:2px solid {colour};border-radius:4px;text-align:center;color:{colour};\">")
                .Append("<div style=\"font-size:20px;line-height:24px;font-weight:bold;\">").Append(E(Count(deal.Score))).Append("</div>")
                .Append("<div style=\"font-size:10px;line-height:12px;\">/100</div></div></td>")
                .Append($"<td valign=\"top\" style=\"padding:10px 0;border-bottom:1px solid {Rule};font-size:14px;line-height:19px;color:{Ink};overflow-wrap:break-word;\">")
                .Append("<b>").Append(Linked(Crm(deal.OpportunityName), card.Links.Deal(deal.OpportunityId))).Append("</b>");
            if (isAction)
            {
                html.Append(' ').Append(Tag("Action", Alert));
            }

            html.Append($"<div style=\"font-size:13px;line-height:18px;color:{Ink};\"><b>")
                .Append(E(WeeklyEmailWording.AtRisk(deal))).Append("</b></div>")
                .Append($"<div style=\"font-size:13px;line-height:18px;color:{Muted};\">")
                .Append(Linked(Crm(deal.PartnerName), card.Links.Partner(deal.PartnerId))).Append(Middot).Append(E(Labels.Stage(deal.Stage)));
            if (deal.Reasons.Count > 0)
            {
                html.Append(Middot).Append(E(deal.Reasons[0]));
            }

            html.Append("</div></td></tr>");
        }

        html.Append("</table>");
        if (deals.Count < card.StalledDealsScoredTotal)
        {
            html.Append($"<p style=\"margin:8px 0 0;font-size:12px;line-height:17px;color:{Muted};\">")
                .Append(E(WeeklyEmailWording.StalledListed(card))).Append("</p>");
        }

        CloseSection(html);
    }
}
