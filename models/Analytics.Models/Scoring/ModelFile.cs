namespace Analytics.Models.Scoring;

/// <summary>
/// A trained model as saved: readable JSON with everything needed to score with it and to judge it (ARCHITECTURE.md
/// "Models"): its features, parameters (standardisation included), training and evaluation windows, metrics and
/// version. The version is derived from the model name, the training snapshot and a hash of the parameters, so
/// training twice on the same data gives the same version.
/// </summary>
/// <typeparam name="TParameters">The model kind's parameters (coefficients, trees, conversion rates...).</typeparam>
/// <param name="Model">stalled_deal, tier_readiness or pipeline_forecast.</param>
/// <param name="Version">&lt;model&gt;-&lt;snapshot yyyyMMdd&gt;-&lt;8 hex digits of the parameters' hash&gt;.</param>
/// <param name="Kind">The algorithm, e.g. logistic_regression, gradient_boosted_trees, stage_conversion.</param>
/// <param name="SnapshotDate">The newest snapshot the training read.</param>
/// <param name="TrainedAt">Wall-clock time of training (UTC); not part of the version.</param>
/// <param name="Training">The rows the parameters were fitted on.</param>
/// <param name="Evaluation">The later rows it was evaluated on; null when it has no held-out evaluation.</param>
/// <param name="Features">Feature names in the order the parameters use them, each with its meaning.</param>
/// <param name="Parameters">The fitted parameters.</param>
/// <param name="Metrics">Headline metrics by name (auc, brier, mape...).</param>
/// <param name="IsThin">Trained on fewer outcomes than configured as enough: its scores lean on the prior.</param>
/// <param name="Notes">Plain-language notes for the model card (data limits, choices made).</param>
public sealed record ModelFile<TParameters>(
    string Model,
    string Version,
    string Kind,
    DateOnly SnapshotDate,
    DateTimeOffset TrainedAt,
    DataWindow Training,
    DataWindow? Evaluation,
    IReadOnlyList<FeatureDescription> Features,
    TParameters Parameters,
    IReadOnlyDictionary<string, double> Metrics,
    bool IsThin,
    IReadOnlyList<string> Notes);

/// <summary>A span of snapshot dates and what it holds.</summary>
/// <param name="From">First snapshot date.</param>
/// <param name="To">Last snapshot date.</param>
/// <param name="Rows">Rows in the window.</param>
/// <param name="Outcomes">Observed outcomes in the window (labelled rows, closed deals, quarters).</param>
/// <param name="Positives">Outcomes that were positive (stalled, met the tier...), where that applies.</param>
public sealed record DataWindow(DateOnly From, DateOnly To, long Rows, long Outcomes, long? Positives = null);

/// <summary>A model input and what it means.</summary>
/// <param name="Name">The column name in the feature query.</param>
/// <param name="Description">What it measures, in words a RevOps analyst uses.</param>
public sealed record FeatureDescription(string Name, string Description);
