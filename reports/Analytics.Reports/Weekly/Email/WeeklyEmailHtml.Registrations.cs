using System.Text;

namespace Analytics.Reports.Weekly.Email;

/// <summary>The registration sections: decisions pending, new registrations, protections expiring.</summary>
public static partial class WeeklyEmailHtml
{
    private static void AppendPendingDecisions(StringBuilder html, WeeklyScorecard card)
    {
        var intro = $"Oldest first. The decision SLA is {WeeklyEmailWording.DecisionSlaHours} h from submission; overdue rows are marked.";
        if (!OpenSection(html, "Needs a decision", intro, card.PendingDecisions.Count == 0, "No registrations are waiting for a decision."))
        {
            return;
        }

        OpenTable(html, ("Submitted", false), ("Company / partner", false), ("Waiting", true));
        foreach (var r in card.PendingDecisions)
        {
            var waiting = E(WeeklyEmailWording.Waiting(r.AgeHours));
            Row(html, r.IsOverdue,
                E(WeeklyEmailWording.Day(r.SubmittedAt)),
                CompanyAndPartner(r.CompanyName, r.PartnerName),
                r.IsOverdue ? Tag("Overdue", Alert) + "<br />" + $"<b style=\"color:{Alert};\">{waiting}</b>" : waiting);
        }

        CloseTable(html);
        CloseSection(html);
    }

    private static void AppendNewRegistrations(StringBuilder html, WeeklyScorecard card)
    {
        if (!OpenSection(html, "New registrations this week", WeeklyEmailWording.NewRegistrationsIntro, card.NewRegistrations.Count == 0, "No new registrations this week."))
        {
            return;
        }

        OpenTable(html, ("Submitted", false), ("Company / partner", false), ("Status", true));
        foreach (var r in card.NewRegistrations)
        {
            var status = E(r.Status);
            if (r.IsOverdue)
            {
                status += "<br />" + Tag(r.Status == "pending" ? "Overdue" : "Late", Alert);
            }

            Row(html, false, E(WeeklyEmailWording.Day(r.SubmittedAt)), CompanyAndPartner(r.CompanyName, r.PartnerName), status);
        }

        CloseTable(html);
        CloseSection(html);
    }

    private static void AppendExpiringProtections(StringBuilder html, WeeklyScorecard card)
    {
        var intro = "Soonest first: extend, convert or let each one lapse before it ends.";
        if (!OpenSection(html, "Protections expiring within 7 days", intro, card.ExpiringProtections.Count == 0, "No protections expire within 7 days."))
        {
            return;
        }

        OpenTable(html, ("Last day", false), ("Company / partner", false), ("Ends", true));
        foreach (var p in card.ExpiringProtections)
        {
            var ends = E(WeeklyEmailWording.DaysLeft(p.DaysLeft));
            Row(html, p.DaysLeft <= 1,
                E(WeeklyEmailWording.Day(p.ProtectionEnd)),
                CompanyAndPartner(p.CompanyName, p.PartnerName),
                p.DaysLeft <= 1 ? $"<b style=\"color:{Alert};\">{ends}</b>" : ends);
        }

        CloseTable(html);
        CloseSection(html);
    }

    private static void OpenTable(StringBuilder html, params (string Title, bool Right)[] columns)
    {
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;\"><tr>");
        foreach (var (title, right) in columns)
        {
            html.Append($"<th align=\"{(right ? "right" : "left")}\" style=\"padding:6px 6px;border-bottom:2px solid {Rule};")
                .Append($"font-size:11px;line-height:14px;font-weight:bold;text-transform:uppercase;letter-spacing:0.5px;color:{Muted};{Font}\">")
                .Append(E(title)).Append("</th>");
        }

        html.Append("</tr>");
    }

    /// <summary>One body row; cells are already HTML. A flagged row gets a red left edge and a pale red wash.</summary>
    private static void Row(StringBuilder html, bool flagged, params string[] cells)
    {
        html.Append(flagged ? $"<tr style=\"background:{AlertWash};\">" : "<tr>");
        for (var i = 0; i < cells.Length; i++)
        {
            var edge = i == 0 ? $"border-left:4px solid {(flagged ? Alert : "#ffffff")};" : "";
            var align = i == cells.Length - 1 ? "right" : "left";
            var wrap = i == 0 || i == cells.Length - 1 ? "white-space:nowrap;" : "overflow-wrap:break-word;";
            html.Append($"<td align=\"{align}\" valign=\"top\" style=\"padding:7px 6px;{edge}border-bottom:1px solid {Rule};")
                .Append($"font-size:14px;line-height:19px;color:{Ink};{wrap}\">").Append(cells[i]).Append("</td>");
        }

        html.Append("</tr>");
    }

    /// <summary>The company in bold over its partner in grey: one column instead of two, so the table fits a phone.</summary>
    private static string CompanyAndPartner(string company, string partner) =>
        $"<b>{Crm(company)}</b><br /><span style=\"font-size:13px;color:{Muted};\">{Crm(partner)}</span>";

    private static void CloseTable(StringBuilder html) => html.Append("</table>");
}
