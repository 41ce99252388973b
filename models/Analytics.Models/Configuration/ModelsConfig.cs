namespace Analytics.Models.Configuration;

/// <summary><c>models:</c>, the scoring stage: when to retrain and how each model is trained and evaluated.</summary>
/// <param name="RetrainAfterDays">`analytics run` retrains a model whose file is missing or older than this many days
/// (by its training snapshot date against the snapshot being scored).</param>
/// <param name="StalledDeal">The stalled-deal score.</param>
/// <param name="TierReadiness">The tier-readiness probability.</param>
/// <param name="Forecast">The partner-sourced pipeline forecast.</param>
public sealed record ModelsConfig(int RetrainAfterDays, StalledDealModelConfig StalledDeal, TierReadinessModelConfig TierReadiness, ForecastModelConfig Forecast);

/// <summary><c>models.stalled_deal:</c>.</summary>
/// <param name="HorizonDays">A deal is stalled when it neither advances a stage nor closes won within this many days.</param>
/// <param name="EvaluationWeeks">The later window: labelled snapshots in the last this-many weeks are held out for evaluation.</param>
/// <param name="L2">Strength of the Gaussian prior on the standardised coefficients (not scaled by the rows, so it
/// dominates when outcomes are few).</param>
/// <param name="MinOutcomes">Fewer labelled outcomes than this in training flags the model as thin.</param>
/// <param name="MaxTrainingOutcomes">Train on at most this many labelled outcomes (null: all); for small-data checks.</param>
public sealed record StalledDealModelConfig(int HorizonDays, int EvaluationWeeks, double L2, int MinOutcomes, int? MaxTrainingOutcomes);

/// <summary><c>models.tier_readiness:</c>.</summary>
/// <param name="L2">Strength of the Gaussian prior on the standardised coefficients.</param>
public sealed record TierReadinessModelConfig(double L2);

/// <summary><c>models.forecast:</c>.</summary>
/// <param name="BacktestQuarters">Past quarters the forecast is back-tested on.</param>
public sealed record ForecastModelConfig(int BacktestQuarters);
