using Analytics.Reports.Data;
using Analytics.Reports.Weekly;

namespace Analytics.Reports.Qbr;

/// <summary>Every figure of one partner's QBR pack, all of them that partner's own (read by <see cref="PartnerQbrReader"/>).</summary>
/// <param name="Snapshot">The warehouse build the figures come from.</param>
/// <param name="Quarter">The quarter reviewed.</param>
/// <param name="Partner">The partner.</param>
/// <param name="History">The partner's figures over the last (up to) 8 quarters ending with <paramref name="Quarter"/>.</param>
/// <param name="ClosedDeals">The partner's deals closed in the quarter, largest first (intermediate.partner_credits).</param>
/// <param name="OpenPipeline">The partner's open deals at the snapshot, by stage.</param>
/// <param name="Tier">The tier review of the quarter: criteria of the tier above (or of keeping the top tier).</param>
/// <param name="TierRecommendation">The review's recommendation.</param>
/// <param name="TargetTier">The tier the criteria belong to.</param>
/// <param name="Readiness">Probability of meeting <paramref name="TargetTier"/> at the next review, if scored.</param>
/// <param name="ExpiringProtections">Protections ending within 7 days of the snapshot.</param>
/// <param name="StalledDeals">Open deals by stalled-deal score, highest first.</param>
/// <param name="Hygiene">Data-hygiene findings on the partner's open deals at the snapshot.</param>
public sealed record PartnerQbrData(
    ReportSnapshot Snapshot,
    string Quarter,
    PartnerInfo Partner,
    IReadOnlyList<PartnerQbrData.QuarterFigures> History,
    IReadOnlyList<PartnerQbrData.ClosedDeal> ClosedDeals,
    IReadOnlyList<PartnerQbrData.StagePipeline> OpenPipeline,
    IReadOnlyList<CriterionProgress> Tier,
    string? TierRecommendation,
    string? TargetTier,
    double? Readiness,
    IReadOnlyList<ExpiringProtectionItem> ExpiringProtections,
    IReadOnlyList<StalledDealItem> StalledDeals,
    PartnerQbrData.HygieneFigures Hygiene)
{
    /// <summary>The reviewed quarter's figures (zeros when the partner had no activity).</summary>
    public QuarterFigures This => History.Count > 0 && History[^1].Quarter == Quarter ? History[^1] : QuarterFigures.Empty(Quarter);

    /// <summary>The quarter before, if any.</summary>
    public QuarterFigures? Previous => History.Count > 1 && History[^1].Quarter == Quarter ? History[^2] : null;

    /// <summary>Three suggested actions for next quarter, derived from the figures (<see cref="PartnerActions"/>).</summary>
    public IReadOnlyList<string> Actions => PartnerActions.Suggest(this);

    /// <summary>A partner's quarter: ARR won, pipeline, deals and deal registrations.</summary>
    public sealed record QuarterFigures(string Quarter, double SourcedArr, double InfluencedArr, int SourcedWonDeals, int InfluencedWonDeals,
        double SourcedPipelineArr, int Won, int Lost, int RegistrationsSubmitted, int RegistrationsDecided, int DecidedWithin48h, int Approved)
    {
        /// <summary>Won / (won + lost) of the partner's deals closed in the quarter.</summary>
        public double? WinRate => Won + Lost == 0 ? null : (double)Won / (Won + Lost);

        /// <summary>Share of decided registrations decided within 48 hours.</summary>
        public double? DecidedWithin48hShare => RegistrationsDecided == 0 ? null : (double)DecidedWithin48h / RegistrationsDecided;

        /// <summary>Approved / decided.</summary>
        public double? ApprovalRate => RegistrationsDecided == 0 ? null : (double)Approved / RegistrationsDecided;

        /// <summary>A quarter with no activity.</summary>
        public static QuarterFigures Empty(string quarter) => new(quarter, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>A deal the partner was on that closed in the quarter.</summary>
    public sealed record ClosedDeal(string OpportunityId, string Name, string Attribution, bool IsWon, double Arr, double CreditedArr, string? LostReason);

    /// <summary>The partner's open deals in one stage.</summary>
    public sealed record StagePipeline(int StageIndex, string Stage, int Deals, double Arr, double CreditedArr);

    /// <summary>Hygiene findings on the partner's open deals (marts.hygiene_scores_partner).</summary>
    public sealed record HygieneFigures(int OpenDeals, int WithFindings, double? Score, int StaleNextSteps, int NoRecentActivity, int MissingRegistration);
}
