using System.Globalization;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly.Email;

/// <summary>
/// The sentences and figures the HTML and plain-text parts share, so both say exactly the same thing.
/// Every figure goes through <see cref="NumberFormat"/>.
/// </summary>
internal static class WeeklyEmailWording
{
    /// <summary>Registrations undecided this long are overdue (DOMAIN.md "SLAs the reports watch").</summary>
    public const int DecisionSlaHours = 48;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string NewRegistrationsIntro =
        "Submitted this week up to the snapshot. Late: decided after the 48 h SLA; overdue: still undecided past it.";

    public static string ActionsThisWeek(int count) => count switch
    {
        0 => "no actions this week",
        1 => "1 action this week",
        _ => NumberFormat.Count(count) + " actions this week",
    };

    public static int StalledActions(WeeklyScorecard card) =>
        card.EmailedStalledDeals.Count(d => d.Score >= WeeklyScorecard.StalledActionScore);

    public const string StalledTitle = "Deals with the most ARR at risk";

    /// <summary>The ranking rule in plain words, with a worked example.</summary>
    public static readonly string StalledIntro =
        "Ranked by ARR at risk: the deal's ARR times its chance of stalling. The score (0-100) is that chance: the deal "
        + "neither advances a stage nor closes won within 30 days. So a $100K deal scoring 50 ($50K at risk) comes before a "
        + $"$20K deal scoring 90 ($18K at risk). A score of {WeeklyScorecard.StalledActionScore} or more counts as an action.";

    /// <summary>"$206K at risk (ARR $240K x 86%)".</summary>
    public static string AtRisk(StalledDealItem deal) =>
        $"{NumberFormat.Money(deal.ArrAtRisk)} at risk (ARR {NumberFormat.Money(deal.Arr)} x {NumberFormat.Count(deal.Score)}%)";

    /// <summary>Below a capped list of deals at risk: "Listed: the 5 with the most ARR at risk of 23 scored open deals ..."</summary>
    public static string StalledListed(WeeklyScorecard card) =>
        $"Listed: the {NumberFormat.Count(card.EmailedStalledDeals.Count)} with the most ARR at risk of {NumberFormat.Count(card.StalledDealsScoredTotal)} "
        + "scored open deals of your partners; each partner's page of the attached PDF lists its own, and every score is in the "
        + "warehouse table scores.stalled_deals.";

    public const string SinceLastWeekTitle = "Since last week";

    public const string NoPreviousSnapshot = "No snapshot a week older than this one yet, so there is nothing to compare with.";

    /// <summary>What the block compares, in words.</summary>
    public static string SinceLastWeekIntro(WeeklyChanges changes) =>
        $"Your partners' deals against the snapshot of {(changes.PreviousSnapshot is { } d ? Iso(d) : "a week ago")}: new deals, deals won or "
        + "lost since, and open deals whose close date moved later (slipped). Each deal counts once; ARR is the full deal's.";

    /// <summary>"New", "Won", "Lost", "Slipped".</summary>
    public static string ChangeLabel(string change) => change switch
    {
        "new" => "New",
        "won" => "Won",
        "lost" => "Lost",
        "slipped" => "Slipped",
        _ => Capitalised(change),
    };

    /// <summary>"ARR $40K, close date 28 Nov 2026 -> 15 Jan 2027" for a slip; "ARR $30K, pipeline activation" otherwise.</summary>
    public static string ChangeDetail(DealChangeItem deal, string arrow = "\u2192") => deal.Change switch
    {
        "slipped" when deal.PreviousCloseDate is { } before =>
            $"ARR {NumberFormat.Money(deal.Arr)}, close date {before.ToString("d MMM yyyy", Invariant)} {arrow} {deal.CloseDate.ToString("d MMM yyyy", Invariant)}",
        "won" or "lost" => $"ARR {NumberFormat.Money(deal.Arr)}",
        _ => $"ARR {NumberFormat.Money(deal.Arr)}, {Display.Labels.Stage(deal.Stage)}",
    };

    /// <summary>Below a capped list of changed deals.</summary>
    public static string ChangesListed(WeeklyChanges changes, int listed) =>
        $"Listed: the first {NumberFormat.Count(listed)} of {NumberFormat.Count(changes.Deals.Count)} changed deals; every one is on the last page of the attached PDF.";

    public const string PartnersTitle = "Your partners";

    public const string PartnersIntro =
        "Sourced pipeline: credited ARR of the open deals each partner sourced at the snapshot, with its change over the 7 days before. "
        + "Each partner's tier criteria, one bar each, are on its page of the attached PDF.";

    /// <summary>"Silver -> Gold, readiness 64%, 1 of 3 criteria met, review in progress: upgrade so far".</summary>
    public static string TierLine(ScorecardPartner partner, string arrow = "\u2192")
    {
        var met = partner.Criteria.Count(c => c.IsMet);
        var criteria = partner.Criteria.Count == 0 ? "no criteria measured" : $"{NumberFormat.Count(met)} of {NumberFormat.Count(partner.Criteria.Count)} criteria met";
        return $"{TierStep(partner, arrow)}, {Readiness(partner)}, {criteria}, {Recommendation(partner)}";
    }

    public static int OverdueDecisions(WeeklyScorecard card) => card.PendingDecisions.Count(r => r.IsOverdue);

    /// <summary>"3 actions this week: 2 registrations awaiting a decision (1 overdue), 1 protection expiring ..."</summary>
    public static string Summary(WeeklyScorecard card)
    {
        var parts = new List<string>();
        var pending = card.PendingDecisions.Count;
        if (pending > 0)
        {
            var overdue = OverdueDecisions(card);
            parts.Add(NumberFormat.Plural(pending, "registration", "registrations") + " awaiting a decision"
                + (overdue > 0 ? $" ({NumberFormat.Count(overdue)} overdue)" : ""));
        }

        if (card.ExpiringProtections.Count > 0)
        {
            parts.Add(NumberFormat.Plural(card.ExpiringProtections.Count, "protection", "protections") + " expiring within 7 days");
        }

        var stalled = StalledActions(card);
        if (stalled > 0)
        {
            parts.Add(NumberFormat.Plural(stalled, "deal", "deals") + $" scoring {WeeklyScorecard.StalledActionScore}+ for stalling");
        }

        if (parts.Count == 0)
        {
            return "No actions this week: no registrations awaiting a decision, no protections expiring within "
                + $"7 days, no deals scoring {WeeklyScorecard.StalledActionScore}+ for stalling.";
        }

        var head = ActionsThisWeek(card.ActionCount);
        return char.ToUpperInvariant(head[0]) + head[1..] + ": " + JoinWithAnd(parts) + ".";
    }

    /// <summary>"Attached: one-page scorecards for your 3 partners (tier criteria, deals at risk) and every deal changed since last week."</summary>
    public static string Attachment(WeeklyScorecard card) => (card.Partners.Count == 1
        ? "Attached: a one-page scorecard for your 1 partner"
        : $"Attached: one-page scorecards for your {NumberFormat.Count(card.Partners.Count)} partners")
        + " (tier criteria, deals at risk, registrations)" + (card.Changes.Deals.Count > 0 ? " and every deal changed since last week." : ".");

    /// <summary>"16 Nov - 22 Nov 2026".</summary>
    public static string WeekDates(IsoWeek week) =>
        $"{Day(week.Monday)} - {week.Sunday.ToString("d MMM yyyy", Invariant)}";

    /// <summary>"Mon 16 Nov".</summary>
    public static string Day(DateOnly day) => day.ToString("ddd d MMM", Invariant);

    /// <summary>"Mon 16 Nov" for a UTC timestamp.</summary>
    public static string Day(DateTime at) => Day(DateOnly.FromDateTime(at));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>How long a registration has waited: "52 h" up to four days, then "6 d".</summary>
    public static string Waiting(double ageHours) => ageHours < 96
        ? NumberFormat.Count(Math.Max(0, ageHours)) + " h"
        : NumberFormat.Days(ageHours / 24);

    /// <summary>"today", "tomorrow", "in 5 d".</summary>
    public static string DaysLeft(int days) => days switch
    {
        <= 0 => "today",
        1 => "tomorrow",
        _ => "in " + NumberFormat.Days(days),
    };

    /// <summary>"Silver -> Gold", or "Gold (top tier, criteria to keep it)".</summary>
    public static string TierStep(ScorecardPartner partner, string arrow) => partner.NextTier is null
        ? $"{Capitalised(partner.Tier)} (top tier: criteria to keep it)"
        : $"{Capitalised(partner.Tier)} {arrow} {Capitalised(partner.NextTier)}";

    public static string Recommendation(ScorecardPartner partner) => partner.Recommendation is null
        ? "no completed review yet"
        : "review in progress: " + partner.Recommendation + " so far"; // the snapshot's quarter, not a closed review

    public static string Readiness(ScorecardPartner partner) => partner.Readiness is { } r
        ? "readiness " + NumberFormat.Percent(Math.Clamp(r, 0, 1))
        : "readiness not scored";

    /// <summary>"+$120K (+4%)", "-$30K (-2%)", "$0", or "n/a" when last week's figure is missing.</summary>
    public static string Change(double now, double? weekAgo)
    {
        if (weekAgo is not { } before)
        {
            return "n/a";
        }

        var delta = now - before;
        var money = NumberFormat.SignedMoney(delta);
        return before > 0 && Math.Abs(delta) >= 0.5 ? $"{money} ({NumberFormat.SignedPercent(delta / before)})" : money;
    }

    public static string Footer(WeeklyScorecard card) =>
        $"Every figure comes from warehouse snapshot {Iso(card.SnapshotDate)}, transform run {card.RunId}. "
        + "Every figure's definition is in the warehouse catalog (the command \"analytics catalog <mart>\" prints it).";

    public static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string JoinWithAnd(List<string> parts) => parts.Count == 1
        ? parts[0]
        : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
