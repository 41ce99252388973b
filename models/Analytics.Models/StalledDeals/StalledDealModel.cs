using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// The stalled-deal score (DOMAIN.md "Scores and forecasts"): the probability that an open partner opportunity neither
/// advances a stage nor closes won within the horizon, with its three strongest reasons in plain words.
/// <para>Training reads one row per (snapshot, open partner opportunity) from every landed snapshot
/// (<see cref="StalledDealRows"/>), each computed from its own snapshot only. The labelled snapshots of the last
/// <c>evaluation_weeks</c> form the later window; the model is fitted on the older rows whose outcome was already
/// known when that window begins (so no training label peeks into it) and evaluated on the window. Our prior-informed
/// logistic regression is the baseline (and the small-data model); with enough outcomes ML.NET's candidates (FastTree,
/// Platt-calibrated, and L-BFGS logistic regression) are fitted on the same rows, and the best of them replaces the
/// baseline only when it beats the baseline's AUC on the window by <see cref="CandidateMargin"/> or more. The model
/// saved is the one evaluated.</para>
/// </summary>
public static partial class StalledDealModel
{
    /// <summary>The model's name in files, tables and the evaluation ledger.</summary>
    public const string Name = "stalled_deal";

    /// <summary>The algorithm name of the logistic regression.</summary>
    public const string LogisticAlgorithm = "logistic_regression";

    /// <summary>An ML.NET candidate replaces the baseline only when its AUC on the later window is higher by at least this.</summary>
    public const double CandidateMargin = 0.02;

    /// <summary>ML.NET's candidates are not tried with fewer training outcomes than this: trees would only memorise noise.</summary>
    public const int MinimumOutcomesForCandidates = 2_000;

    /// <summary>With fewer training outcomes, the prior's strength is chosen by cross-validation (above, the configured L2 hardly matters).</summary>
    public const int CrossValidateBelowOutcomes = 5_000;

    /// <summary>Deciles of score in the calibration table.</summary>
    public const int CalibrationBins = 10;

    /// <summary>A deterministic order for sampling rows: FNV-1a of the snapshot date and opportunity id.</summary>
    internal static ulong SampleKey(StalledDealRow row) => PriorStrengthSearch.Fnv($"{row.SnapshotDate:yyyy-MM-dd}|{row.OpportunityId}");
}
