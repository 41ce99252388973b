using Analytics.Reports.Data;
using Analytics.Reports.Weekly;

namespace Analytics.Reports.Qbr;

/// <summary>Every figure of one partner's QBR pack, all of them that partner's own (read by <see cref="PartnerQbrReader"/>).</summary>
/// <param name="Snapshot">The warehouse build the figures come from.</param>
/// <param name="Quarter">The quarter reviewed.</param>
/// <param name="Partner">The partner.</param>
/// <param name="History">The partner's figures over the last (up to) 8 quarters ending with <paramref name="Quarter"/>.</param>
/// <param name="ClosedDeals">The partner's deals closed in the quarter, largest first (marts.partner_deals).</param>
/// <param name="LostReasons">Why the partner's deals lost in the quarter were lost, most frequent first (marts.partner_lost_reasons).</param>
/// <param name="OpenPipeline">The partner's open deals at the snapshot, by stage (marts.partner_open_pipeline).</param>
/// <param name="OpenTotals">The partner's open deals at the snapshot over all stages (marts.partner_pipeline).</param>
/// <param name="Tier">The tier review of the quarter: criteria of the tier above (or of keeping the top tier).</param>
/// <param name="TierRecommendation">The review's recommendation.</param>
/// <param name="TargetTier">The tier the criteria belong to.</param>
/// <param name="Readiness">Probability of meeting <paramref name="TargetTier"/> at the next review, if scored.</param>
/// <param name="ExpiringProtections">Protections ending within 7 days of the snapshot.</param>
/// <param name="StalledDeals">Open deals by stalled-deal score, highest first.</param>
/// <param name="AtRisk">Open deals scoring <see cref="PartnerActions.AtRiskScore"/> or more, counted, with their ARR.</param>
/// <param name="Hygiene">Data-hygiene findings on the partner's open deals at the snapshot.</param>
public sealed record PartnerQbrData(
    ReportSnapshot Snapshot,
    string Quarter,
    PartnerInfo Partner,
    IReadOnlyList<PartnerQbrData.QuarterFigures> History,
    IReadOnlyList<PartnerQbrData.ClosedDeal> ClosedDeals,
    IReadOnlyList<PartnerQbrData.LostReason> LostReasons,
    IReadOnlyList<PartnerQbrData.StagePipeline> OpenPipeline,
    PartnerPipeline OpenTotals,
    IReadOnlyList<CriterionProgress> Tier,
    string? TierRecommendation,
    string? TargetTier,
    double? Readiness,
    IReadOnlyList<ExpiringProtectionItem> ExpiringProtections,
    IReadOnlyList<StalledDealItem> StalledDeals,
    (int Deals, double Arr) AtRisk,
    PartnerQbrData.HygieneFigures Hygiene)
{
    /// <summary>
    /// Consecutive reviews, ending with <see cref="Quarter"/>'s, that recommended a downgrade (marts.tier_reviews); 2 or
    /// more means the partner still holds the tier a downgrade was first recommended from.
    /// </summary>
    public int DowngradeStreakQuarters { get; init; }

    /// <summary>The "so what" page at the front of the pack, from this partner's rows only; null draws none.</summary>
    public SoWhat? SoWhat { get; init; }

    /// <summary>The recommendation in words, with a repeated downgrade said as such.</summary>
    public string RecommendationText => TierRecommendation is null ? "no review"
        : TierRecommendation == "downgrade" && DowngradeStreakQuarters >= 2
            ? $"downgrade, recommended {DowngradeStreakQuarters} quarters running with the tier unchanged"
            : TierRecommendation;

    /// <summary>The reviewed quarter's figures (zeros when the partner had no activity).</summary>
    public QuarterFigures This => History.Count > 0 && History[^1].Quarter == Quarter ? History[^1] : QuarterFigures.Empty(Quarter);

    /// <summary>The quarter before, if any.</summary>
    public QuarterFigures? Previous => History.Count > 1 && History[^1].Quarter == Quarter ? History[^2] : null;

    /// <summary>Three suggested actions for next quarter, derived from the figures (<see cref="PartnerActions"/>).</summary>
    public IReadOnlyList<string> Actions => PartnerActions.Suggest(this);

    /// <summary>A partner's quarter: ARR won, pipeline, deals and deal registrations (marts.partner_quarterly).</summary>
    /// <param name="Quarter">The fiscal quarter.</param>
    /// <param name="SourcedArr">Credited ARR of the partner's sourced rows of deals won.</param>
    /// <param name="InfluencedArr">The same over influenced rows.</param>
    /// <param name="SourcedWonDeals">Deals won that the partner sourced.</param>
    /// <param name="InfluencedWonDeals">Deals won that the partner influenced.</param>
    /// <param name="SourcedPipelineArr">Sourced credit of open deals expected to close in the quarter.</param>
    /// <param name="Won">Deals the partner is on won in the quarter.</param>
    /// <param name="Lost">Those lost.</param>
    /// <param name="NewBusinessWon">Of <paramref name="Won"/>, the new-business deals.</param>
    /// <param name="NewBusinessLost">Of <paramref name="Lost"/>, the new-business deals.</param>
    /// <param name="WinRate">Win rate, new business: won / (won + lost) of the new-business deals closed; null when none closed.</param>
    /// <param name="WonCreditedArr">Credited ARR of the partner rows of the deals won.</param>
    /// <param name="LostArr">Full ARR of the partner rows of the deals lost.</param>
    /// <param name="RegistrationsSubmitted">Deal registrations submitted.</param>
    /// <param name="RegistrationsDecided">Those decided.</param>
    /// <param name="DecidedWithin48h">Those decided within 48 hours.</param>
    /// <param name="Approved">Those approved.</param>
    /// <param name="DecidedWithin48hShare">Share of decided registrations decided within 48 hours; null when none decided.</param>
    /// <param name="ApprovalRate">Approved / decided; null when none decided.</param>
    public sealed record QuarterFigures(string Quarter, double SourcedArr, double InfluencedArr, int SourcedWonDeals, int InfluencedWonDeals,
        double SourcedPipelineArr, int Won, int Lost, int NewBusinessWon, int NewBusinessLost, double? WinRate, double WonCreditedArr, double LostArr, int RegistrationsSubmitted,
        int RegistrationsDecided, int DecidedWithin48h, int Approved, double? DecidedWithin48hShare, double? ApprovalRate)
    {
        /// <summary>A quarter with no activity.</summary>
        public static QuarterFigures Empty(string quarter) => new(quarter, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, null, null);
    }

    /// <summary>A lost reason and how many of the partner's lost deals gave it.</summary>
    public sealed record LostReason(string Reason, int Deals);

    /// <summary>A deal the partner was on that closed in the quarter.</summary>
    public sealed record ClosedDeal(string OpportunityId, string Name, string Attribution, bool IsWon, double Arr, double CreditedArr, string? LostReason);

    /// <summary>The partner's open deals in one stage.</summary>
    public sealed record StagePipeline(int StageIndex, string Stage, int Deals, double Arr, double CreditedArr);

    /// <summary>Hygiene findings on the partner's open deals (marts.hygiene_scores_partner).</summary>
    public sealed record HygieneFigures(int OpenDeals, int WithFindings, double? Score, int StaleNextSteps, int NoRecentActivity, int MissingRegistration);
}
