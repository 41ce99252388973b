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

    private static void AppendSinceLastWeek(StringBuilder text, WeeklyScorecard card)
    {
        var changes = card.Changes;
        if (!OpenSection(text, WeeklyEmailWording.SinceLastWeekTitle, WeeklyEmailWording.SinceLastWeekIntro(changes), changes.PreviousSnapshot is null,
            WeeklyEmailWording.NoPreviousSnapshot))
        {
            return;
        }

        var counts = new PlainTextTable(("Change", false), ("Deals", true), ("ARR", true));
        foreach (var c in changes.Counts)
        {
            counts.AddRow(WeeklyEmailWording.ChangeLabel(c.Change), NumberFormat.Count(c.Deals), NumberFormat.Money(c.Arr));
        }

        counts.Render(text, Indent, MaxLineLength);
        var listed = changes.Deals.Take(WeeklyScorecard.ChangedDealsInEmail).ToList();
        if (listed.Count > 0)
        {
            text.Append('\n');
        }

        const int Body = Indent + 10; // "  SLIPPED   " then the deal
        foreach (var deal in listed)
        {
            var head = PlainTextTable.Wrap(deal.OpportunityName, MaxLineLength - Body);
            for (var i = 0; i < head.Count; i++)
            {
                text.Append(' ', Indent).Append((i == 0 ? WeeklyEmailWording.ChangeLabel(deal.Change).ToUpperInvariant() : "").PadRight(Body - Indent))
                    .Append(head[i]).Append('\n');
            }

            Paragraph(text, $"{deal.PartnerNames} | {WeeklyEmailWording.ChangeDetail(deal, "->")}", Body);
            Link(text, card.Links.Deal(deal.OpportunityId), Body);
        }

        if (changes.Deals.Count > listed.Count)
        {
            text.Append('\n');
            Paragraph(text, WeeklyEmailWording.ChangesListed(changes, listed.Count), Indent);
        }
    }

    private static void AppendStalledDeals(StringBuilder text, WeeklyScorecard card)
    {
        var deals = card.EmailedStalledDeals;
        if (!OpenSection(text, WeeklyEmailWording.StalledTitle, WeeklyEmailWording.StalledIntro, deals.Count == 0, "No open deals are at risk of stalling."))
        {
            return;
        }

        const int Body = Indent + 9; // "  82/100  " then the deal
        foreach (var deal in deals)
        {
            var score = (NumberFormat.Count(deal.Score) + "/100").PadLeft(7);
            var action = deal.Score >= WeeklyScorecard.StalledActionScore ? " [ACTION]" : "";
            var head = PlainTextTable.Wrap(deal.OpportunityName + action, MaxLineLength - Body);
            for (var i = 0; i < head.Count; i++)
            {
                text.Append(' ', Indent).Append(i == 0 ? score : new string(' ', 7)).Append("  ").Append(head[i]).Append('\n');
            }

            Paragraph(text, WeeklyEmailWording.AtRisk(deal), Body);
            Paragraph(text, $"{deal.PartnerName} | {Labels.Stage(deal.Stage)}" + (deal.Reasons.Count > 0 ? " | " + deal.Reasons[0] : ""), Body);
            Link(text, card.Links.Deal(deal.OpportunityId), Body);
            text.Append('\n');
        }

        if (deals.Count < card.StalledDealsScoredTotal)
        {
            Paragraph(text, WeeklyEmailWording.StalledListed(card), Indent);
            text.Append('\n');
        }

        TrimTrailingBlankLine(text);
    }

    private static void AppendPartners(StringBuilder text, WeeklyScorecard card)
    {
        if (!OpenSection(text, WeeklyEmailWording.PartnersTitle, WeeklyEmailWording.PartnersIntro, card.Partners.Count == 0, "You have no active partners."))
        {
            return;
        }

        foreach (var p in card.Partners)
        {
            Paragraph(text, p.Name, Indent);
            Paragraph(text, WeeklyEmailWording.TierLine(p, "->"), Indent + 2);
            Paragraph(text, $"Sourced pipeline {NumberFormat.Money(p.SourcedPipelineArr)}, vs last week "
                + WeeklyEmailWording.Change(p.SourcedPipelineArr, p.SourcedPipelineArrWeekAgo), Indent + 2);
            Link(text, card.Links.Partner(p.PartnerId), Indent + 2);
        }

        text.Append('\n');
        Paragraph(text, $"All your partners: sourced pipeline {NumberFormat.Money(card.SourcedPipelineArr)}, vs last week "
            + WeeklyEmailWording.Change(card.SourcedPipelineArr, card.SourcedPipelineArrWeekAgo), Indent);
    }

    /// <summary>A CRM address on a line of its own, never wrapped (a broken address does not open); nothing without one.</summary>
    private static void Link(StringBuilder text, string? url, int indent)
    {
        if (url is not null)
        {
            text.Append(' ', indent).Append(url).Append('\n');
        }
    }

    private static void TrimTrailingBlankLine(StringBuilder text)
    {
        if (text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n')
        {
            text.Length--;
        }
    }
}
