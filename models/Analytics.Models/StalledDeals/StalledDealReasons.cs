using System.Globalization;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// The three strongest reasons a deal scores as likely to stall, in plain words. Per-feature contributions (each
/// feature's push on the log-odds against the average training deal) are summed per <see cref="ReasonFamily"/>; the
/// families pushing hardest toward stalling become reasons, worded with the deal's own values ("no activity for 26
/// days", "next step 19 days old", "in stage 3.1x longer than the motion's median of 12 days").
/// </summary>
public static class StalledDealReasons
{
    /// <summary>A family must push the log-odds up by at least this much to be named (about +1 point of probability near 50 %).</summary>
    public const double MinimumContribution = 0.05;

    private static readonly int FamilyCount = Enum.GetValues<ReasonFamily>().Length;

    /// <summary>
    /// The up-to-three reasons for <paramref name="row"/> given its feature contributions (in
    /// <see cref="StalledDealFeatures.Names"/> order); fewer when fewer families push toward stalling.
    /// </summary>
    public static (string? First, string? Second, string? Third) Explain(StalledDealRow row, ReadOnlySpan<double> contributions)
    {
        Span<int> top = stackalloc int[3];
        var found = TopFamilies(contributions, top);
        return (
            found > 0 ? Words((ReasonFamily)top[0], row) : null,
            found > 1 ? Words((ReasonFamily)top[1], row) : null,
            found > 2 ? Words((ReasonFamily)top[2], row) : null);
    }

    /// <summary>
    /// Writes into <paramref name="top"/> the families (as ints) pushing hardest toward stalling, strongest first, each at
    /// least <see cref="MinimumContribution"/>; returns how many were written (at most <paramref name="top"/>'s length).
    /// </summary>
    public static int TopFamilies(ReadOnlySpan<double> contributions, Span<int> top)
    {
        Span<double> byFamily = stackalloc double[FamilyCount];
        var families = StalledDealFeatures.Families;
        for (var i = 0; i < contributions.Length; i++)
        {
            byFamily[(int)families[i]] += contributions[i];
        }

        var found = 0;
        for (var pick = 0; pick < top.Length; pick++)
        {
            var best = -1;
            for (var f = 0; f < FamilyCount; f++)
            {
                if (byFamily[f] >= MinimumContribution && (best < 0 || byFamily[f] > byFamily[best]) && !top[..found].Contains(f))
                {
                    best = f;
                }
            }

            if (best < 0)
            {
                break;
            }

            top[found++] = best;
        }

        return found;
    }

    /// <summary>The reason of <paramref name="family"/> worded with <paramref name="row"/>'s values.</summary>
    public static string Words(ReasonFamily family, StalledDealRow row) => family switch
    {
        ReasonFamily.StageAge => row.MotionMedianStageDays is { } median
            ? Invariant($"in stage {row.StageIndex} for {Days(row.StageAgeDays)}, {StalledDealFeatures.StageAgeRatio(row):0.0}x the {row.Motion} median of {Days(median)}")
            : Invariant($"in stage {row.StageIndex} for {Days(row.StageAgeDays)}"),
        ReasonFamily.ActivityGap => Invariant($"no activity for {Days(row.ActivityAgeDays)}"),
        ReasonFamily.NextStep => Invariant($"next step {Days(row.NextStepAgeDays)} old"),
        ReasonFamily.ActivityCount => row.Activities14d == 0
            ? "no activities logged in the last 14 days"
            : Invariant($"only {row.Activities14d} {(row.Activities14d == 1 ? "activity" : "activities")} in the last 14 days"),
        ReasonFamily.DealSize => Invariant($"deal size {Money(row.Arr)} ARR"),
        ReasonFamily.Motion => Invariant($"{row.Motion} deals in this stage stall more often"),
        ReasonFamily.Stage => Invariant($"stage {row.StageIndex} of 5 deals stall more often"),
        ReasonFamily.Tier => row.PartnerTier == "unknown" ? "no partner on the deal record" : Invariant($"partner is {row.PartnerTier} tier"),
        ReasonFamily.Certifications => row.CertifiedPeople switch
        {
            0 => "partner has no certified people",
            1 => "partner has only 1 certified person",
            var n => Invariant($"partner has only {n} certified people"),
        },
        ReasonFamily.PartnerWinRate => Invariant($"partner's win rate {StalledDealFeatures.PartnerWinRate(row):0%} (program {row.ProgramWinRate:0%})"),
        ReasonFamily.Registration => row.ProtectionDaysLeft switch
        {
            null => "no deal registration",
            < 0 => "registration protection has ended",
            var d => Invariant($"registration protection ends in {d} {(d == 1 ? "day" : "days")}"),
        },
        ReasonFamily.Conflict => Invariant($"channel conflict ({row.ConflictStatus})"),
        ReasonFamily.Partners => row.PartnerCount == 1 ? "one partner on the deal" : Invariant($"{row.PartnerCount} partners on the deal"),
        ReasonFamily.StagePace => row.MotionMedianStageDays is { } m
            ? Invariant($"stage {row.StageIndex} usually lasts {Days(m)} for {row.Motion} deals")
            : Invariant($"stage {row.StageIndex} has no completed history for {row.Motion} deals"),
        ReasonFamily.DealAge => row.DealAgeDays <= 14
            ? Invariant($"opened {Days(row.DealAgeDays)} ago: new deals are often disqualified early")
            : Invariant($"opened {Days(row.DealAgeDays)} ago"),
        ReasonFamily.DealType => Invariant($"{row.OpportunityType.Replace('_', ' ')} deal"),
        ReasonFamily.CloseDate => row.DaysToCloseDate < 0
            ? Invariant($"close date passed {Days(-row.DaysToCloseDate)} ago")
            : Invariant($"close date in {Days(row.DaysToCloseDate)}"),
        ReasonFamily.QuarterEnd => Invariant($"{Days(row.DaysToQuarterEnd)} left in the fiscal quarter"),
        ReasonFamily.OwnerHabits => Invariant($"the owner's other partner deals: {row.OwnerQuietShare:0%} quiet for 14+ days"),
        _ => family.ToString(),
    };

    private static string Days(double days)
    {
        var whole = (int)Math.Floor(days);
        return whole == 1 ? "1 day" : Invariant($"{whole} days");
    }

    private static string Money(double amount) => amount switch
    {
        >= 1_000_000 => Invariant($"${amount / 1_000_000:0.#}M"),
        >= 1_000 => Invariant($"${amount / 1_000:0.#}k"),
        _ => Invariant($"${amount:0}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
