using Analytics.Reports.Data;

namespace Analytics.Reports.Qbr;

/// <summary>Every figure of the program QBR pack for one closed quarter, read from the warehouse by
/// <see cref="ProgramQbrReader"/>. Definitions: ../shared/DOMAIN.md, docs/transforms.md and the pack's appendix.</summary>
/// <param name="Snapshot">The warehouse build the figures come from.</param>
/// <param name="Quarter">The quarter reviewed, e.g. 2026-Q3.</param>
/// <param name="PreviousQuarter">The quarter before it, for deltas (null when the warehouse starts with it).</param>
/// <param name="Quarters">The last (up to) 8 quarters ending with <paramref name="Quarter"/>, from marts.program_quarterly.</param>
/// <param name="Summary">The executive summary's derived figures for <paramref name="Quarter"/> (marts.program_summary).</param>
/// <param name="ArrByMotion">Sourced and influenced ARR won in the quarter by partner motion (marts.partner_arr_quarterly).</param>
/// <param name="WinRates">Win rate and cycle time by motion in the quarter, direct included (marts.win_rates, marts.cycle_times).</param>
/// <param name="WinRateHistory">Win rate by motion over <paramref name="Quarters"/>.</param>
/// <param name="Forecast">The current quarter's forecast and the back-test quarters (scores.forecast, motion 'all'); empty when unscored.</param>
/// <param name="ForecastByMotion">The current quarter's forecast per motion.</param>
/// <param name="Registrations">Deal-registration SLA figures by quarter over <paramref name="Quarters"/> (marts.registration_sla summed).</param>
/// <param name="RegisteredWinRates">Win rate of registered vs unregistered partner deals in the quarter (marts.registration_outcomes).</param>
/// <param name="DeclineReasons">Why registrations were declined in the quarter (marts.registration_decline_reasons).</param>
/// <param name="Conflicts">Conflicts per 100 registrations over <paramref name="Quarters"/> (marts.conflict_rate_quarterly).</param>
/// <param name="ConflictTypes">Conflicts opened in the quarter by type with SLA shares (marts.conflicts_quarterly).</param>
/// <param name="TierCounts">Partners per tier and recommendation at the quarter's review (marts.tier_reviews).</param>
/// <param name="TierMoves">Partners recommended to move (upgrade, grace, downgrade) at that review.</param>
/// <param name="ReadinessLeaders">Highest probabilities of meeting the next tier (scores.tier_readiness).</param>
/// <param name="StalledDeals">The highest stalled-deal scores at the snapshot (scores.stalled_deals).</param>
/// <param name="TopPartners">Partners with the most credited ARR won in the quarter (marts.partner_quarterly).</param>
/// <param name="BacktestMape">The forecast's mean absolute percentage error over its back-test quarters, in percent (catalog.model_evaluations 'mape'); null when unscored.</param>
/// <param name="BacktestNaiveMape">The same for the naive forecast ('naive_mape').</param>
/// <param name="Tests">Data-test results of the run (catalog.tests).</param>
/// <param name="Models">The models that scored the warehouse, with their evaluation (scores.models, catalog.model_evaluations).</param>
public sealed record ProgramQbrData(
    ReportSnapshot Snapshot,
    string Quarter,
    string? PreviousQuarter,
    IReadOnlyList<ProgramQbrData.QuarterFigures> Quarters,
    ProgramQbrData.SummaryFigures Summary,
    IReadOnlyList<ProgramQbrData.MotionArr> ArrByMotion,
    IReadOnlyList<ProgramQbrData.MotionWinRate> WinRates,
    IReadOnlyList<ProgramQbrData.MotionWinRate> WinRateHistory,
    IReadOnlyList<ProgramQbrData.ForecastRow> Forecast,
    IReadOnlyList<ProgramQbrData.ForecastRow> ForecastByMotion,
    IReadOnlyList<ProgramQbrData.RegistrationQuarter> Registrations,
    IReadOnlyList<ProgramQbrData.RegisteredWinRate> RegisteredWinRates,
    IReadOnlyList<ProgramQbrData.DeclineReason> DeclineReasons,
    IReadOnlyList<ProgramQbrData.ConflictQuarter> Conflicts,
    IReadOnlyList<ProgramQbrData.ConflictType> ConflictTypes,
    IReadOnlyList<ProgramQbrData.TierCount> TierCounts,
    IReadOnlyList<ProgramQbrData.TierMove> TierMoves,
    IReadOnlyList<ProgramQbrData.Readiness> ReadinessLeaders,
    IReadOnlyList<ProgramQbrData.StalledDeal> StalledDeals,
    IReadOnlyList<ProgramQbrData.PartnerArr> TopPartners,
    double? BacktestMape,
    double? BacktestNaiveMape,
    ProgramQbrData.TestSummary Tests,
    IReadOnlyList<ProgramQbrData.ModelSummary> Models)
{
    /// <summary>The "so what" page at the front of the pack; null draws none.</summary>
    public SoWhat? SoWhat { get; init; }

    /// <summary>The reviewed quarter's program figures.</summary>
    public QuarterFigures This => Quarters[^1];

    /// <summary>The previous quarter's program figures, if known.</summary>
    public QuarterFigures? Previous => Quarters.Count > 1 ? Quarters[^2] : null;

    /// <summary>One quarter of marts.program_quarterly.</summary>
    public sealed record QuarterFigures(string Quarter, double WonArr, double SourcedArr, double InfluencedArr, double PartnerShareOfNewPipeline, double NewPipelineArr, int WonDeals, int PartnerTouchedWonDeals);

    /// <summary>The executive summary's derived figures of the quarter (marts.program_summary).</summary>
    /// <param name="SourcedArrChange">Sourced ARR won against the quarter before, as a fraction (0.12 = +12 %); null when that had none.</param>
    /// <param name="InfluencedArrChange">The same for influenced ARR.</param>
    /// <param name="PartnerMixAdjustedDeltaPp">Partner motions' mix-adjusted win-rate delta against direct, weighted by closed deals; null when none.</param>
    public sealed record SummaryFigures(double? SourcedArrChange, double? InfluencedArrChange, double? PartnerMixAdjustedDeltaPp);

    /// <summary>ARR won in the quarter through one motion.</summary>
    public sealed record MotionArr(string Motion, double SourcedArr, double InfluencedArr);

    /// <summary>Win rate and cycle time of one motion in one quarter.</summary>
    public sealed record MotionWinRate(string Motion, string Quarter, int Won, int Lost, double? WinRate, double? DeltaVsDirectPp, double? MixAdjustedDeltaPp, double? MeanWonArr, double? MedianCycleDays, double? CycleDeltaVsDirectDays);

    /// <summary>A forecast row (scores.forecast): kind 'forecast' for the current quarter, 'backtest' for past ones.</summary>
    public sealed record ForecastRow(string Quarter, string Motion, string Kind, double WonToDateArr, double ExpectedFromOpenArr, double ExpectedFromNewArr, double ForecastArr, double? ActualArr, double? AbsPctError, double? NaiveArr, double? NaiveAbsPctError);

    /// <summary>Deal registrations submitted in a quarter and their 48-hour decision SLA.</summary>
    public sealed record RegistrationQuarter(string Quarter, int Submitted, int Decided, int DecidedWithin48h, int Missed48h, int Approved, int Declined, double? MedianDecisionHours);

    /// <summary>Win rate of partner deals with or without an approved registration.</summary>
    public sealed record RegisteredWinRate(bool IsRegistered, int Won, int Lost, double? WinRate, double? MeanWonArr);

    /// <summary>A decline reason and its share of declines.</summary>
    public sealed record DeclineReason(string Reason, int Declined, double Share);

    /// <summary>Conflicts opened per 100 registrations submitted in a quarter.</summary>
    public sealed record ConflictQuarter(string Quarter, int Registrations, int ConflictsOpened, double? Per100Registrations);

    /// <summary>Conflicts of one type opened in the quarter with their SLAs (acknowledged in 24 h, resolved in 5 business days).</summary>
    public sealed record ConflictType(string Type, int Opened, double? Acknowledged24hShare, double? Resolved5bdShare, double? MedianResolutionDays);

    /// <summary>Partners holding a tier with a given recommendation.</summary>
    public sealed record TierCount(string Tier, int TierRank, string Recommendation, int Partners);

    /// <summary>A recommended tier move.</summary>
    public sealed record TierMove(string PartnerName, string Tier, string Recommendation, string? RecommendedTier, string? NearestGapCriterion, string? NearestGap, int DowngradeStreakQuarters = 0);

    /// <summary>A partner's probability of meeting the next tier at the next review.</summary>
    public sealed record Readiness(string PartnerName, string CurrentTier, string? NextTier, double Probability, int CriteriaMet, int CriteriaJudged);

    /// <summary>An open partner deal with a high stalled-deal score.</summary>
    public sealed record StalledDeal(string OpportunityId, string OpportunityName, string PartnerName, string Motion, string Stage, double Arr, int Score, string Reasons);

    /// <summary>A partner's ARR won in the quarter and the quarter before.</summary>
    public sealed record PartnerArr(string PartnerName, string PartnerType, string Tier, double SourcedArr, double InfluencedArr, double PreviousCreditedArr);

    /// <summary>Data tests of the run that built the warehouse.</summary>
    public sealed record TestSummary(int Passed, int Warned, int Failed, int Skipped, IReadOnlyList<string> NotPassed);

    /// <summary>A model that scored the warehouse and its headline evaluation.</summary>
    public sealed record ModelSummary(string Model, string Version, string TrainingSnapshot, int TrainingOutcomes, bool IsThin, IReadOnlyList<(string Window, string Metric, double Value)> Metrics);
}
