using System.Text;
using Analytics.Reports.Charts;
using Analytics.Reports.Display;

namespace Analytics.Reports.Weekly.Email;

/// <summary>The "Deals at risk of stalling" section: one block per deal, which reflows on a phone.</summary>
public static partial class WeeklyEmailHtml
{
    private static void AppendStalledDeals(StringBuilder html, WeeklyScorecard card)
    {
        var intro = "Score: the chance (0-100) a deal neither advances a stage nor closes won within 30 days; "
            + $"{WeeklyScorecard.StalledActionScore} or more counts as an action.";
        if (!OpenSection(html, "Deals at risk of stalling", intro, card.StalledDeals.Count == 0, "No open deals are at risk of stalling."))
        {
            return;
        }

        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;\">");
        foreach (var deal in card.StalledDeals)
        {
            var isAction = deal.Score >= WeeklyScorecard.StalledActionScore;
            var colour = isAction ? Alert : deal.Score >= 50 ? "#8a5a00" : Muted;
            html.Append("<tr>")
                .Append($"<td width=\"56\" valign=\"top\" style=\"width:56px;padding:10px 8px 10px 0;border-bottom:1px solid {Rule};\">")
                .Append($"<div style=\"width:48px;border:2px solid {colour};border-radius:4px;text-align:center;color:{colour};\">")
                .Append("<div style=\"font-size:20px;line-height:24px;font-weight:bold;\">").Append(E(Count(deal.Score))).Append("</div>")
                .Append("<div style=\"font-size:10px;line-height:12px;\">/100</div></div></td>")
                .Append($"<td valign=\"top\" style=\"padding:10px 0;border-bottom:1px solid {Rule};font-size:14px;line-height:19px;color:{Ink};overflow-wrap:break-word;\">")
                .Append("<b>").Append(Crm(deal.OpportunityName)).Append("</b>");
            if (isAction)
            {
                html.Append(' ').Append(Tag("Action", Alert));
            }

            html.Append($"<div style=\"font-size:13px;line-height:18px;color:{Muted};\">")
                .Append(Crm(deal.PartnerName)).Append(Middot).Append(E(Labels.Stage(deal.Stage))).Append(Middot)
                .Append("ARR ").Append(E(NumberFormat.Money(deal.Arr))).Append("</div>");
            if (deal.Reasons.Count > 0)
            {
                html.Append($"<ul style=\"margin:4px 0 0;padding:0 0 0 18px;font-size:13px;line-height:18px;color:{Ink};\">");
                foreach (var reason in deal.Reasons.Take(3))
                {
                    html.Append("<li style=\"margin:0;\">").Append(E(reason)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
        if (card.StalledDeals.Count < card.StalledDealsScoredTotal)
        {
            html.Append($"<p style=\"margin:8px 0 0;font-size:12px;line-height:17px;color:{Muted};\">")
                .Append(E(WeeklyEmailWording.StalledListed(card))).Append("</p>");
        }

        CloseSection(html);
    }
}
