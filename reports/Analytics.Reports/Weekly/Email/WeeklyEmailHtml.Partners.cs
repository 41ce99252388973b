using System.Text;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly.Email;

/// <summary>The per-partner sections: tier progress (bars as nested tables) and sourced pipeline week over week.</summary>
public static partial class WeeklyEmailHtml
{
    private static void AppendTierProgress(StringBuilder html, WeeklyScorecard card)
    {
        var intro = "Each bar is the partner's value against the next tier's threshold (at the top tier, the threshold to keep it).";
        if (!OpenSection(html, "Tier progress", intro, card.Partners.Count == 0, "You have no active partners."))
        {
            return;
        }

        foreach (var partner in card.Partners)
        {
            html.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:0 0 14px;border:1px solid {Rule};border-collapse:separate;\">")
                .Append($"<tr><td style=\"padding:10px 12px 4px;font-size:15px;line-height:20px;color:{Ink};overflow-wrap:break-word;\">")
                .Append("<b>").Append(Crm(partner.Name)).Append("</b> ")
                .Append($"<span style=\"font-size:13px;color:{Brand};white-space:nowrap;\">")
                .Append(E(WeeklyEmailWording.TierStep(partner, "\u2192"))).Append("</span>")
                .Append($"<div style=\"font-size:12px;line-height:17px;color:{Muted};\">")
                .Append(E(WeeklyEmailWording.Capitalised(partner.PartnerType))).Append(Middot)
                .Append(E(WeeklyEmailWording.Recommendation(partner))).Append(Middot)
                .Append(E(WeeklyEmailWording.Readiness(partner))).Append("</div></td></tr>");
            if (partner.Criteria.Count == 0)
            {
                html.Append($"<tr><td style=\"padding:2px 12px 10px;font-size:13px;color:{Muted};font-style:italic;\">No criteria measured.</td></tr>");
            }

            foreach (var criterion in partner.Criteria)
            {
                AppendCriterion(html, criterion);
            }

            html.Append("<tr><td style=\"height:6px;line-height:6px;font-size:0;\">&#160;</td></tr></table>");
        }

        CloseSection(html);
    }

    private static void AppendCriterion(StringBuilder html, CriterionProgress criterion)
    {
        var progress = WeeklyEmailWording.Progress(criterion);
        var status = criterion.IsMet
            ? $"<b style=\"color:{Good};white-space:nowrap;\">&#10003; Met</b>"
            : $"<span style=\"white-space:nowrap;\">{E(NumberFormat.Percent(progress))}</span>";
        html.Append("<tr><td style=\"padding:6px 12px 2px;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>")
            .Append($"<td valign=\"bottom\" style=\"font-size:13px;line-height:18px;color:{Ink};overflow-wrap:break-word;\">").Append(E(criterion.Label)).Append("</td>")
            .Append($"<td align=\"right\" valign=\"bottom\" style=\"padding-left:8px;font-size:13px;line-height:18px;color:{Muted};\">")
            .Append(E(WeeklyEmailWording.CriterionFigures(criterion))).Append(Middot).Append(status).Append("</td></tr></table>");
        AppendBar(html, progress, criterion.IsMet ? Good : Fill);
        html.Append("</td></tr>");
    }

    /// <summary>A progress bar as a nested table: a filled cell and a track cell, widths in percent.</summary>
    private static void AppendBar(StringBuilder html, double progress, string colour)
    {
        var filled = (int)Math.Round(progress * 100);
        const string Cell = "height:10px;line-height:10px;font-size:0;";
        html.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin-top:3px;border:1px solid #9aa5b1;\"><tr>");
        if (filled > 0)
        {
            html.Append($"<td width=\"{filled}%\" style=\"width:{filled}%;background:{colour};{Cell}\">&#160;</td>");
        }

        if (filled < 100)
        {
            html.Append($"<td width=\"{100 - filled}%\" style=\"width:{100 - filled}%;background:{Track};{Cell}\">&#160;</td>");
        }

        html.Append("</tr></table>");
    }

    private static void AppendSourcedPipeline(StringBuilder html, WeeklyScorecard card)
    {
        var intro = "Credited ARR of open opportunities each partner sourced, at the snapshot and 7 days before it.";
        if (!OpenSection(html, "Sourced pipeline", intro, card.Partners.Count == 0, "You have no active partners."))
        {
            return;
        }

        OpenTable(html, ("Partner", false), ("This week", true), ("Last week", true), ("Change", true));
        foreach (var p in card.Partners)
        {
            PipelineRow(html, Crm(p.Name), p.SourcedPipelineArr, p.SourcedPipelineArrWeekAgo, bold: false);
        }

        PipelineRow(html, "All your partners", card.SourcedPipelineArr, card.SourcedPipelineArrWeekAgo, bold: true);
        CloseTable(html);
        CloseSection(html);
    }

    private static void PipelineRow(StringBuilder html, string nameHtml, double now, double? weekAgo, bool bold)
    {
        var change = WeeklyEmailWording.Change(now, weekAgo);
        var colour = weekAgo is { } before && now - before >= 0.5 ? Good : weekAgo is { } b && now - b <= -0.5 ? Alert : Muted;
        var cells = new[]
        {
            nameHtml,
            E(NumberFormat.Money(now)),
            E(WeeklyEmailWording.MoneyOrNa(weekAgo)),
            $"<span style=\"color:{colour};\">{E(change)}</span>",
        };
        if (bold)
        {
            cells = cells.Select(c => "<b>" + c + "</b>").ToArray();
        }

        html.Append("<tr>");
        for (var i = 0; i < cells.Length; i++)
        {
            var align = i == 0 ? "left" : "right";
            var wrap = i is 1 or 2 ? "white-space:nowrap;" : "overflow-wrap:break-word;";
            html.Append($"<td align=\"{align}\" valign=\"top\" style=\"padding:7px 6px;border-bottom:1px solid {Rule};font-size:14px;line-height:19px;color:{Ink};{wrap}\">")
                .Append(cells[i]).Append("</td>");
        }

        html.Append("</tr>");
    }
}
