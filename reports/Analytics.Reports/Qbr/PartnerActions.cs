using Analytics.Reports.Charts;

namespace Analytics.Reports.Qbr;

/// <summary>
/// Three suggested next-quarter actions for a partner, derived from its figures in a fixed order of urgency: its own
/// downgrade recommendation, protections about to lapse, deals at risk, stale next steps, the criterion furthest short
/// of the next tier, registration SLA, then growth. Each names the figure it comes from so the partner manager can
/// check it; a figure of zero never makes an action.
/// </summary>
public static class PartnerActions
{
    /// <summary>A stalled-deal score at or above this puts a deal at high risk of stalling.</summary>
    public const int AtRiskScore = 70;

    /// <summary>Up to three actions, most urgent first.</summary>
    public static IReadOnlyList<string> Suggest(PartnerQbrData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var actions = new List<string>();
        if (data.TierRecommendation == "downgrade")
        {
            var repeated = data.DowngradeStreakQuarters >= 2
                ? $"the tier review has recommended a downgrade {data.DowngradeStreakQuarters} quarters running, tier unchanged"
                : $"the {data.Quarter} tier review recommends a downgrade";
            actions.Add($"Keep {data.Partner.Tier}: {repeated}; agree with the partner how it meets its tier's criteria by the next review, or apply the downgrade.");
        }

        if (data.ExpiringProtections.Count > 0)
        {
            var first = data.ExpiringProtections[0];
            actions.Add($"Convert or extend {NumberFormat.Plural(data.ExpiringProtections.Count, "protected registration")} ending within 7 days "
                + $"(first: {first.CompanyName}, {first.DaysLeft} d left).");
        }

        if (data.AtRisk.Deals > 0)
        {
            var top = data.StalledDeals[0];
            actions.Add($"Re-engage {NumberFormat.Plural(data.AtRisk.Deals, "deal")} at high risk of stalling ({NumberFormat.Money(data.AtRisk.Arr)} ARR; "
                + $"top: {top.OpportunityName}, score {top.Score}).");
        }

        var hygiene = new List<string>();
        if (data.Hygiene.StaleNextSteps > 0)
        {
            hygiene.Add($"update next steps on {NumberFormat.Plural(data.Hygiene.StaleNextSteps, "deal")}");
        }

        if (data.Hygiene.NoRecentActivity > 0)
        {
            hygiene.Add($"log activity on {NumberFormat.Plural(data.Hygiene.NoRecentActivity, "quiet deal")}");
        }

        if (hygiene.Count > 0)
        {
            var sentence = string.Join(" and ", hygiene);
            actions.Add($"{char.ToUpperInvariant(sentence[0])}{sentence[1..]} (hygiene score {(data.Hygiene.Score is { } s ? NumberFormat.Percent(s) : "n/a")}).");
        }

        var shortest = data.Tier.Where(c => !c.IsMet).OrderBy(c => c.Progress).FirstOrDefault();
        if (shortest is not null && data.TargetTier is not null)
        {
            actions.Add($"Close the gap on \"{shortest.Label}\" for {data.TargetTier}: {shortest.ValueText} of {shortest.ThresholdText} "
                + $"({NumberFormat.Percent(shortest.Progress)} there).");
        }

        if (data.This.DecidedWithin48hShare is { } share && share < 0.9)
        {
            actions.Add($"Agree a registration review cadence: {NumberFormat.Percent(share)} of decisions met the 48-hour SLA this quarter.");
        }

        if (actions.Count < 3)
        {
            actions.Add(data.This.SourcedArr > 0
                ? $"Build on {NumberFormat.Money(data.This.SourcedArr)} sourced ARR this quarter: plan joint pipeline for next quarter."
                : data.OpenTotals.OpenDeals > 0
                    ? $"Move {NumberFormat.Plural(data.OpenTotals.OpenDeals, "open deal")} ({NumberFormat.Money(data.OpenTotals.OpenArr)} ARR) toward a first sourced win: none this quarter."
                    : "Plan a first joint opportunity: no sourced ARR this quarter and no open deal.");
        }

        return actions.Take(3).ToList();
    }
}
