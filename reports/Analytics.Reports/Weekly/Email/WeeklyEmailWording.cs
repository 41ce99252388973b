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
        card.StalledDeals.Count(d => d.Score >= WeeklyScorecard.StalledActionScore);

    /// <summary>Below a capped list of deals at risk: "Listed: the 10 highest of 23 scored open deals of your partners; ..."</summary>
    public static string StalledListed(WeeklyScorecard card) =>
        $"Listed: the {NumberFormat.Count(card.StalledDeals.Count)} highest scores of {NumberFormat.Count(card.StalledDealsScoredTotal)} scored open deals of your partners; "
        + "every score is in the warehouse table scores.stalled_deals.";

    public static int OverdueDecisions(WeeklyScorecard card) => card.PendingDecisions.Count(r => r.IsOverdue);

    /// <summary>"3 actions this week: 2 registrations awaiting a decision (1 overdue), 1 protection expiring ..."</summary>
    public static string Summary(WeeklyScorecard card)
    {
        var parts = new List<string>();
        var pending = card.PendingDecisions.Count;
        if (pending > 0)
        {
            var overdue = OverdueDecisions(card);
            parts.Add(Plural(pending, "registration", "registrations") + " awaiting a decision"
                + (overdue > 0 ? $" ({NumberFormat.Count(overdue)} overdue)" : ""));
        }

        if (card.ExpiringProtections.Count > 0)
        {
            parts.Add(Plural(card.ExpiringProtections.Count, "protection", "protections") + " expiring within 7 days");
        }

        var stalled = StalledActions(card);
        if (stalled > 0)
        {
            parts.Add(Plural(stalled, "deal", "deals") + $" scoring {WeeklyScorecard.StalledActionScore}+ for stalling");
        }

        if (parts.Count == 0)
        {
            return "No actions this week: no registrations awaiting a decision, no protections expiring within "
                + $"7 days, no deals scoring {WeeklyScorecard.StalledActionScore}+ for stalling.";
        }

        var head = ActionsThisWeek(card.ActionCount);
        return char.ToUpperInvariant(head[0]) + head[1..] + ": " + JoinWithAnd(parts) + ".";
    }

    /// <summary>"Attached: one-page scorecards for your 3 partners."</summary>
    public static string Attachment(WeeklyScorecard card) => card.Partners.Count == 1
        ? "Attached: a one-page scorecard for your 1 partner."
        : $"Attached: one-page scorecards for your {NumberFormat.Count(card.Partners.Count)} partners.";

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
        : "last review: " + partner.Recommendation;

    public static string Readiness(ScorecardPartner partner) => partner.Readiness is { } r
        ? "readiness " + NumberFormat.Percent(Math.Clamp(r, 0, 1))
        : "readiness not scored";

    /// <summary>"$412K of $600K", or "not measured, needs 30%".</summary>
    public static string CriterionFigures(CriterionProgress c) => c.Value is null || c.ValueText.Length == 0
        ? $"not measured, needs {c.ThresholdText}"
        : $"{c.ValueText} of {c.ThresholdText}";

    public static double Progress(CriterionProgress c) => double.IsFinite(c.Progress) ? Math.Clamp(c.Progress, 0, 1) : 0;

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

    public static string MoneyOrNa(double? value) => value is { } v ? NumberFormat.Money(v) : "n/a";

    public static string Footer(WeeklyScorecard card) =>
        $"Every figure comes from warehouse snapshot {Iso(card.SnapshotDate)}, transform run {card.RunId}. "
        + "Every figure's definition is in the warehouse catalog (the command \"analytics catalog <mart>\" prints it).";


    public static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Plural(int n, string one, string many) => NumberFormat.Count(n) + " " + (n == 1 ? one : many);

    private static string JoinWithAnd(List<string> parts) => parts.Count == 1
        ? parts[0]
        : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
