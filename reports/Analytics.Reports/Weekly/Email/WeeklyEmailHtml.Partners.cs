using System.Text;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly.Email;

/// <summary>The partners section: each partner's tier in one line and its sourced pipeline week over week. The tier
/// criteria, one bar each, are on the partner's page of the attached PDF, which keeps the email short on a phone.</summary>
public static partial class WeeklyEmailHtml
{
    private static void AppendPartners(StringBuilder html, WeeklyScorecard card)
    {
        if (!OpenSection(html, WeeklyEmailWording.PartnersTitle, WeeklyEmailWording.PartnersIntro, card.Partners.Count == 0, "You have no active partners."))
        {
            return;
        }

        OpenTable(html, ("Partner", false), ("Sourced pipeline", true));
        foreach (var p in card.Partners)
        {
            var name = $"<b>{Linked(Crm(p.Name), card.Links.Partner(p.PartnerId))}</b>"
                + $"<div style=\"font-size:12px;line-height:17px;color:{Muted};\">{E(WeeklyEmailWording.TierLine(p))}</div>";
            PipelineRow(html, name, p.SourcedPipelineArr, p.SourcedPipelineArrWeekAgo, bold: false);
        }

        PipelineRow(html, "<b>All your partners</b>", card.SourcedPipelineArr, card.SourcedPipelineArrWeekAgo, bold: true);
        CloseTable(html);
        CloseSection(html);
    }

    /// <summary>A partner (or the total) and its sourced pipeline, with the change against last week under the figure,
    /// so the row stays two columns wide on a phone.</summary>
    private static void PipelineRow(StringBuilder html, string nameHtml, double now, double? weekAgo, bool bold)
    {
        var change = WeeklyEmailWording.Change(now, weekAgo);
        var colour = weekAgo is { } before && now - before >= 0.5 ? Good : weekAgo is { } b && now - b <= -0.5 ? Alert : Muted;
        var figure = E(NumberFormat.Money(now));
        html.Append("<tr>")
            .Append($"<td align=\"left\" valign=\"top\" style=\"padding:7px 6px;border-bottom:1px solid {Rule};font-size:14px;line-height:19px;color:{Ink};overflow-wrap:break-word;\">")
            .Append(nameHtml).Append("</td>")
            .Append($"<td align=\"right\" valign=\"top\" style=\"padding:7px 6px;border-bottom:1px solid {Rule};font-size:14px;line-height:19px;color:{Ink};\">")
            .Append($"<div style=\"white-space:nowrap;\">{(bold ? $"<b>{figure}</b>" : figure)}</div>")
            .Append($"<div style=\"font-size:12px;line-height:17px;color:{colour};\">{E(change)}</div>")
            .Append("</td></tr>");
    }
}
