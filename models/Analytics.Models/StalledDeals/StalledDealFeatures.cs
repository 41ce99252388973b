using Analytics.Models.Scoring;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// Turns a <see cref="StalledDealRow"/> into the model's numeric inputs. Days are given both as a log (a smooth effect)
/// and as flags at a week, two weeks and a month (DOMAIN.md's hygiene thresholds are 7 and 14 days), so a linear model
/// can express a threshold. Categories are one-hot with a named baseline. Each feature belongs to a
/// <see cref="ReasonFamily"/>: reasons are given per family, so "no activity for 26 days" speaks for every
/// activity-age feature together.
/// </summary>
public static class StalledDealFeatures
{
    /// <summary>A partner's win rate is shrunk toward the program's as if it had this many more closed deals at the program rate.</summary>
    public const double WinRatePriorDeals = 10;

    private static readonly (string Name, ReasonFamily Family, string Description)[] Definitions =
    [
        ("stage_age_ratio_log", ReasonFamily.StageAge, "ln(1 + days in the current stage / the motion's median days in that stage)"),
        ("stage_age_over_2x", ReasonFamily.StageAge, "1 when in the stage more than twice the motion's median"),
        ("activity_age_log", ReasonFamily.ActivityGap, "ln(1 + days since the last activity)"),
        ("no_activity_7d", ReasonFamily.ActivityGap, "1 when no activity for more than 7 days"),
        ("no_activity_14d", ReasonFamily.ActivityGap, "1 when no activity for more than 14 days (DOMAIN.md hygiene finding)"),
        ("no_activity_30d", ReasonFamily.ActivityGap, "1 when no activity for more than 30 days"),
        ("next_step_age_log", ReasonFamily.NextStep, "ln(1 + days since the next step was written)"),
        ("next_step_stale_7d", ReasonFamily.NextStep, "1 when the next step is older than 7 days (DOMAIN.md stale notes)"),
        ("next_step_stale_14d", ReasonFamily.NextStep, "1 when the next step is older than 14 days"),
        ("next_step_stale_30d", ReasonFamily.NextStep, "1 when the next step is older than 30 days"),
        ("activities_14d_log", ReasonFamily.ActivityCount, "ln(1 + activities in the last 14 days)"),
        ("arr_log", ReasonFamily.DealSize, "ln(1 + ARR)"),
        ("motion_referral", ReasonFamily.Motion, "1 for the referral motion (baseline: direct or unspecified)"),
        ("motion_reseller", ReasonFamily.Motion, "1 for the reseller motion"),
        ("motion_marketplace", ReasonFamily.Motion, "1 for the marketplace motion"),
        ("motion_services", ReasonFamily.Motion, "1 for the services motion"),
        ("motion_tech", ReasonFamily.Motion, "1 for the tech motion"),
        ("stage_2", ReasonFamily.Stage, "1 in open stage 2 (baseline: stage 1)"),
        ("stage_3", ReasonFamily.Stage, "1 in open stage 3"),
        ("stage_4", ReasonFamily.Stage, "1 in open stage 4"),
        ("stage_5", ReasonFamily.Stage, "1 in open stage 5"),
        ("tier_select", ReasonFamily.Tier, "1 when the primary partner is select tier (baseline: registered or none)"),
        ("tier_elite", ReasonFamily.Tier, "1 when the primary partner is elite tier"),
        ("certified_people", ReasonFamily.Certifications, "the primary partner's people with an unexpired certification, capped at 10"),
        ("partner_win_rate", ReasonFamily.PartnerWinRate, $"the primary partner's new-business win rate by the snapshot, shrunk toward the program's with {WinRatePriorDeals} pseudo-deals"),
        ("has_registration", ReasonFamily.Registration, "1 when a deal registration is linked"),
        ("protection_days_left", ReasonFamily.Registration, "days left in the registration's protection, 0-120 (0 when none or passed)"),
        ("protection_ending_14d", ReasonFamily.Registration, "1 when the protection ends within 14 days"),
        ("conflict_risk", ReasonFamily.Conflict, "1 when the conflict status is risk (baseline: none)"),
        ("conflict_active", ReasonFamily.Conflict, "1 when the conflict status is active"),
        ("partner_count", ReasonFamily.Partners, "partner rows on the deal, capped at 5"),
        ("expected_advance", ReasonFamily.StagePace, "1 - 2^(-horizon / the motion's median days in the stage): the chance of leaving the stage within the horizon if stage time were exponential"),
        ("deal_age_log", ReasonFamily.DealAge, "ln(1 + days since the opportunity was created)"),
        ("deal_first_14d", ReasonFamily.DealAge, "1 in the deal's first 14 days (when unqualified deals are disqualified)"),
        ("type_renewal", ReasonFamily.DealType, "1 for a renewal (baseline: new business)"),
        ("type_expansion", ReasonFamily.DealType, "1 for an expansion"),
        ("close_date_passed", ReasonFamily.CloseDate, "1 when the expected close date has passed"),
        ("close_date_within_horizon", ReasonFamily.CloseDate, "1 when the expected close date falls within the horizon"),
        ("days_to_close_date", ReasonFamily.CloseDate, "days to the expected close date, clipped to -90..180"),
        ("quarter_end_within_horizon", ReasonFamily.QuarterEnd, "1 when the fiscal quarter ends within the horizon"),
        ("owner_quiet_share", ReasonFamily.OwnerHabits, "share of the owner's other open partner deals with no activity for more than 14 days"),
    ];

    /// <summary>
    /// The prior: the push on the log-odds of stalling per unit of a feature that the model starts from and is shrunk
    /// toward (zero for the features not listed). It encodes DOMAIN.md's hygiene rules, that a deal without activity
    /// for 14 days or with a next step older than 7 days is at risk. With many outcomes the data override it; with few,
    /// scores and reasons lean on it instead of on noise.
    /// </summary>
    public static IReadOnlyDictionary<string, double> PriorEffects { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["no_activity_14d"] = 1.5,
        ["next_step_stale_7d"] = 0.5,
        ["next_step_stale_14d"] = 0.5,
    };

    /// <summary>The prior as means of the standardised coefficients (per-unit effect × the feature's standard deviation).</summary>
    public static double[] PriorMeans(IReadOnlyList<double> scales) =>
        Names.Select((name, j) => PriorEffects.TryGetValue(name, out var effect) ? effect * scales[j] : 0).ToArray();

    /// <summary>The feature names, in the order <see cref="Fill"/> writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    /// <summary>The features with their meaning, for the model file.</summary>
    public static IReadOnlyList<FeatureDescription> Descriptions { get; } = Definitions.Select(d => new FeatureDescription(d.Name, d.Description)).ToArray();

    /// <summary>The reason family of each feature, in feature order.</summary>
    public static IReadOnlyList<ReasonFamily> Families { get; } = Definitions.Select(d => d.Family).ToArray();

    /// <summary>The number of features.</summary>
    public static int Count => Definitions.Length;

    /// <summary>Days in the stage over the motion's median; a missing or sub-day median counts as one day.</summary>
    public static double StageAgeRatio(StalledDealRow row) => row.StageAgeDays / Math.Max(row.MotionMedianStageDays ?? 1, 1);

    /// <summary>The partner's win rate shrunk toward the program's (<see cref="WinRatePriorDeals"/> pseudo-deals).</summary>
    public static double PartnerWinRate(StalledDealRow row) =>
        (row.PartnerWonDeals + WinRatePriorDeals * row.ProgramWinRate) / (row.PartnerClosedDeals + WinRatePriorDeals);

    /// <summary>The horizon, in days, the pace feature is computed for; the label's horizon (models.stalled_deal.horizon_days).</summary>
    public const double PaceHorizonDays = 30;

    /// <summary>Writes the features of <paramref name="row"/> into <paramref name="into"/> (length <see cref="Count"/>).</summary>
    public static void Fill(StalledDealRow row, Span<double> into)
    {
        var ratio = StageAgeRatio(row);
        var protection = row.ProtectionDaysLeft is { } left ? Math.Clamp(left, 0, 120) : 0;
        into[0] = Math.Log(1 + ratio);
        into[1] = Flag(ratio > 2);
        into[2] = Math.Log(1 + row.ActivityAgeDays);
        into[3] = Flag(row.ActivityAgeDays > 7);
        into[4] = Flag(row.ActivityAgeDays > 14);
        into[5] = Flag(row.ActivityAgeDays > 30);
        into[6] = Math.Log(1 + row.NextStepAgeDays);
        into[7] = Flag(row.NextStepAgeDays > 7);
        into[8] = Flag(row.NextStepAgeDays > 14);
        into[9] = Flag(row.NextStepAgeDays > 30);
        into[10] = Math.Log(1 + row.Activities14d);
        into[11] = Math.Log(1 + Math.Max(row.Arr, 0));
        into[12] = Flag(row.Motion == "referral");
        into[13] = Flag(row.Motion == "reseller");
        into[14] = Flag(row.Motion == "marketplace");
        into[15] = Flag(row.Motion == "services");
        into[16] = Flag(row.Motion == "tech");
        into[17] = Flag(row.StageIndex == 2);
        into[18] = Flag(row.StageIndex == 3);
        into[19] = Flag(row.StageIndex == 4);
        into[20] = Flag(row.StageIndex == 5);
        into[21] = Flag(row.PartnerTier == "select");
        into[22] = Flag(row.PartnerTier == "elite");
        into[23] = Math.Min(row.CertifiedPeople, 10);
        into[24] = PartnerWinRate(row);
        into[25] = Flag(row.HasRegistration);
        into[26] = protection;
        into[27] = Flag(row.ProtectionDaysLeft is >= 0 and <= 14);
        into[28] = Flag(row.ConflictStatus == "risk");
        into[29] = Flag(row.ConflictStatus == "active");
        into[30] = Math.Min(row.PartnerCount, 5);
        into[31] = 1 - Math.Pow(2, -PaceHorizonDays / Math.Max(row.MotionMedianStageDays ?? PaceHorizonDays, 1));
        into[32] = Math.Log(1 + Math.Max(row.DealAgeDays, 0));
        into[33] = Flag(row.DealAgeDays <= 14);
        into[34] = Flag(row.OpportunityType == "renewal");
        into[35] = Flag(row.OpportunityType == "expansion");
        into[36] = Flag(row.DaysToCloseDate < 0);
        into[37] = Flag(row.DaysToCloseDate >= 0 && row.DaysToCloseDate <= PaceHorizonDays);
        into[38] = Math.Clamp(row.DaysToCloseDate, -90, 180);
        into[39] = Flag(row.DaysToQuarterEnd <= PaceHorizonDays);
        into[40] = row.OwnerQuietShare;
    }

    /// <summary>The features of <paramref name="row"/> as a new array.</summary>
    public static double[] Vector(StalledDealRow row)
    {
        var vector = new double[Count];
        Fill(row, vector);
        return vector;
    }

    private static double Flag(bool value) => value ? 1 : 0;
}
