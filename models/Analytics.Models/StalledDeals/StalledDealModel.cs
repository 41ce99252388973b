using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// The stalled-deal score (DOMAIN.md "Scores and forecasts"): the probability that an open partner opportunity neither
/// advances a stage nor closes won within the horizon, with its three strongest reasons in plain words.
/// <para>Training reads one row per (snapshot, open partner opportunity) from every landed snapshot
/// (<see cref="StalledDealRows"/>), each computed from its own snapshot only. The labelled snapshots of the last
/// <c>evaluation_weeks</c> form the later window; the model is fitted on the older rows whose outcome was already
/// known when that window begins (so no training label peeks into it) and evaluated on the window. A regularised
/// logistic regression is the model; gradient-boosted trees are fitted on the same rows and replace it only when
/// they beat its AUC on the window by <see cref="TreesMargin"/> or more. The model saved is the one evaluated.</para>
/// </summary>
public static partial class StalledDealModel
{
    /// <summary>The model's name in files, tables and the evaluation ledger.</summary>
    public const string Name = "stalled_deal";

    /// <summary>The algorithm name of the logistic regression.</summary>
    public const string LogisticAlgorithm = "logistic_regression";

    /// <summary>The algorithm name of the gradient-boosted trees.</summary>
    public const string TreesAlgorithm = "gradient_boosted_trees";

    /// <summary>The trees replace the logistic regression only when their AUC on the later window is higher by at least this.</summary>
    public const double TreesMargin = 0.02;

    /// <summary>Trees are not tried with fewer training outcomes than this: they would only memorise noise.</summary>
    public const int MinimumOutcomesForTrees = 2_000;

    /// <summary>With fewer training outcomes, the prior's strength is chosen by cross-validation (above, the configured L2 hardly matters).</summary>
    public const int CrossValidateBelowOutcomes = 5_000;

    /// <summary>Deciles of score in the calibration table.</summary>
    public const int CalibrationBins = 10;

    /// <summary>Trees tried against the logistic regression.</summary>
    public static GradientBoostingOptions TreeOptions { get; } = new() { Trees = 200, MaxDepth = 3, LearningRate = 0.1, MinLeafRows = 50, Seed = 7 };

    /// <summary>A deterministic order for sampling rows: FNV-1a of the snapshot date and opportunity id.</summary>
    internal static ulong SampleKey(StalledDealRow row) => PriorStrengthSearch.Fnv($"{row.SnapshotDate:yyyy-MM-dd}|{row.OpportunityId}");
}
