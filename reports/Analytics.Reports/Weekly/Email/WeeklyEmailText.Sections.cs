using System.Text;
using Analytics.Reports.Charts;
using Analytics.Reports.Display;

namespace Analytics.Reports.Weekly.Email;

/// <summary>The plain-text sections, in the same order and with the same wording as the HTML part.</summary>
public static partial class WeeklyEmailText
{
    private static void AppendPendingDecisions(StringBuilder text, WeeklyScorecard card)
    {
        var intro = $"Oldest first. The decision SLA is {WeeklyEmailWording.DecisionSlaHours} h from submission; overdue rows are marked.";
        if (!OpenSection(text, "Needs a decision", intro, card.PendingDecisions.Count == 0, "No registrations are waiting for a decision."))
        {
            return;
        }

        var table = new PlainTextTable(("Submitted", false), ("Partner", false), ("Company", false), ("Waiting", true));
        foreach (var r in card.PendingDecisions)
        {
            var waiting = WeeklyEmailWording.Waiting(r.AgeHours);
            table.AddRow(WeeklyEmailWording.Day(r.SubmittedAt), r.PartnerName, r.CompanyName, r.IsOverdue ? "OVERDUE " + waiting : waiting);
        }

        table.Render(text, Indent, MaxLineLength);
    }

    private static void AppendNewRegistrations(StringBuilder text, WeeklyScorecard card)
    {
        if (!OpenSection(text, "New registrations this week", WeeklyEmailWording.NewRegistrationsIntro, card.NewRegistrations.Count == 0, "No new registrations this week."))
        {
            return;
        }

        var table = new PlainTextTable(("Submitted", false), ("Partner", false), ("Company", false), ("Status", true));
        foreach (var r in card.NewRegistrations)
        {
            var flag = r.IsOverdue ? (r.Status == "pending" ? " OVERDUE" : " (late)") : "";
            table.AddRow(WeeklyEmailWording.Day(r.SubmittedAt), r.PartnerName, r.CompanyName, r.Status + flag);
        }

        table.Render(text, Indent, MaxLineLength);
    }

    private static void AppendExpiringProtections(StringBuilder text, WeeklyScorecard card)
    {
        var intro = "Soonest first: extend, convert or let each one lapse before it ends.";
        if (!OpenSection(text, "Protections expiring within 7 days", intro, card.ExpiringProtections.Count == 0, "No protections expire within 7 days."))
        {
            return;
        }

        var table = new PlainTextTable(("Last day", false), ("Partner", false), ("Company", false), ("Ends", true));
        foreach (var p in card.ExpiringProtections)
        {
            table.AddRow(WeeklyEmailWording.Day(p.ProtectionEnd), p.PartnerName, p.CompanyName, WeeklyEmailWording.DaysLeft(p.DaysLeft));
        }

        table.Render(text, Indent, MaxLineLength);
    }

    private static void AppendStalledDeals(StringBuilder text, WeeklyScorecard card)
    {
        var intro = "Score: the chance (0-100) a deal neither advances a stage nor closes won within 30 days; "
            + $"{WeeklyScorecard.StalledActionScore} or more counts as an action.";
        if (!OpenSection(text, "Deals at risk of stalling", intro, card.StalledDeals.Count == 0, "No open deals are at risk of stalling."))
        {
            return;
        }

        const int Body = Indent + 9; // "  82/100  " then the deal
        foreach (var deal in card.StalledDeals)
        {
            var score = (NumberFormat.Count(deal.Score) + "/100").PadLeft(7);
            var action = deal.Score >= WeeklyScorecard.StalledActionScore ? " [ACTION]" : "";
            var head = PlainTextTable.Wrap(deal.OpportunityName + action, MaxLineLength - Body);
            for (var i = 0; i < head.Count; i++)
            {
                text.Append(' ', Indent).Append(i == 0 ? score : new string(' ', 7)).Append("  ").Append(head[i]).Append('\n');
            }

            Paragraph(text, $"{deal.PartnerName} | {Labels.Stage(deal.Stage)} | ARR {NumberFormat.Money(deal.Arr)}", Body);
            foreach (var reason in deal.Reasons.Take(3))
            {
                Paragraph(text, "- " + reason, Body, Body + 2);
            }

            text.Append('\n');
        }

        if (card.StalledDeals.Count < card.StalledDealsScoredTotal)
        {
            Paragraph(text, WeeklyEmailWording.StalledListed(card), Indent);
            text.Append('\n');
        }

        TrimTrailingBlankLine(text);
    }

    private static void AppendTierProgress(StringBuilder text, WeeklyScorecard card)
    {
        var intro = "Each bar is the partner's value against the next tier's threshold (at the top tier, the threshold to keep it).";
        if (!OpenSection(text, "Tier progress", intro, card.Partners.Count == 0, "You have no active partners."))
        {
            return;
        }

        foreach (var partner in card.Partners)
        {
            Paragraph(text, $"{partner.Name}: {WeeklyEmailWording.TierStep(partner, "->")}", 0, Indent);
            Paragraph(text, $"{WeeklyEmailWording.Capitalised(partner.PartnerType)}, {WeeklyEmailWording.Recommendation(partner)}, "
                + WeeklyEmailWording.Readiness(partner), Indent);
            if (partner.Criteria.Count == 0)
            {
                Paragraph(text, "No criteria measured.", Indent);
            }

            foreach (var c in partner.Criteria)
            {
                var figures = WeeklyEmailWording.CriterionFigures(c) + (c.IsMet ? "  MET" : "");
                var labelRoom = MaxLineLength - Indent - figures.Length - 2;
                var label = PlainTextTable.Wrap(c.Label, Math.Max(labelRoom, 20));
                if (labelRoom < 20)
                {
                    Paragraph(text, c.Label, Indent);
                    text.Append(' ', Indent + 2).Append(figures).Append('\n');
                }
                else
                {
                    for (var i = 0; i < label.Count; i++)
                    {
                        var right = i == label.Count - 1 ? figures : "";
                        text.Append(' ', Indent).Append((label[i].PadRight(labelRoom + 2) + right).TrimEnd()).Append('\n');
                    }
                }

                text.Append(' ', Indent + 2).Append(Bar(WeeklyEmailWording.Progress(c))).Append('\n');
            }

            text.Append('\n');
        }

        TrimTrailingBlankLine(text);
    }

    private static void AppendSourcedPipeline(StringBuilder text, WeeklyScorecard card)
    {
        var intro = "Credited ARR of open opportunities each partner sourced, at the snapshot and 7 days before it.";
        if (!OpenSection(text, "Sourced pipeline", intro, card.Partners.Count == 0, "You have no active partners."))
        {
            return;
        }

        var table = new PlainTextTable(("Partner", false), ("This week", true), ("Last week", true), ("Change", true));
        foreach (var p in card.Partners)
        {
            table.AddRow(p.Name, NumberFormat.Money(p.SourcedPipelineArr), WeeklyEmailWording.MoneyOrNa(p.SourcedPipelineArrWeekAgo),
                WeeklyEmailWording.Change(p.SourcedPipelineArr, p.SourcedPipelineArrWeekAgo));
        }

        table.AddRule();
        table.AddRow("All your partners", NumberFormat.Money(card.SourcedPipelineArr), WeeklyEmailWording.MoneyOrNa(card.SourcedPipelineArrWeekAgo),
            WeeklyEmailWording.Change(card.SourcedPipelineArr, card.SourcedPipelineArrWeekAgo));
        table.Render(text, Indent, MaxLineLength);
    }

    private static void TrimTrailingBlankLine(StringBuilder text)
    {
        if (text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n')
        {
            text.Length--;
        }
    }
}
