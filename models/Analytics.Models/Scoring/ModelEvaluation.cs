namespace Analytics.Models.Scoring;

/// <summary>
/// One measured figure of one evaluation of a model (a row of <c>catalog.model_evaluations</c>): e.g. the AUC of the
/// stalled-deal model on the later window, or the forecast's MAPE over the back-test quarters.
/// </summary>
/// <param name="Model">The model's name: stalled_deal, tier_readiness, pipeline_forecast.</param>
/// <param name="ModelVersion">The version of the model file evaluated.</param>
/// <param name="Window">What was evaluated on, in words: "later window", "back-test 2026-Q2", "training".</param>
/// <param name="WindowFrom">First snapshot (or quarter start) of the window.</param>
/// <param name="WindowTo">Last snapshot (or quarter end) of the window.</param>
/// <param name="Metric">auc, auc_ci_low, brier, log_loss, mape, abs_pct_error, ...</param>
/// <param name="Value">The figure.</param>
/// <param name="Rows">Rows (outcomes, quarters) the figure is computed on.</param>
/// <param name="Detail">Anything a reader needs beside the number (e.g. the baseline it is compared with).</param>
public sealed record ModelEvaluation(
    string Model,
    string ModelVersion,
    string Window,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    string Metric,
    double Value,
    long Rows,
    string? Detail = null);
