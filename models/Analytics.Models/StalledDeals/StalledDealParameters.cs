using Analytics.Models.Learning;

namespace Analytics.Models.StalledDeals;

/// <summary>The stalled-deal model's saved parameters: the chosen classifier and what it was chosen over.</summary>
/// <param name="Algorithm">logistic_regression, or gradient_boosted_trees when the trees beat it by the configured margin.</param>
/// <param name="HorizonDays">Stalled = neither advanced a stage nor closed won within this many days.</param>
/// <param name="Logistic">The regularised logistic regression (always trained; used unless the trees won).</param>
/// <param name="Trees">The gradient-boosted trees, saved only when chosen.</param>
/// <param name="TrainingStallRate">Share of training outcomes that stalled.</param>
/// <param name="Calibration">Predicted vs observed stall rate by decile of score on the later window.</param>
/// <param name="Candidates">Each candidate's figures on the later window.</param>
/// <param name="RecalibrationIntercept">Calibrated log-odds = intercept + slope × the classifier's log-odds (0 and 1: none).</param>
/// <param name="RecalibrationSlope">See <paramref name="RecalibrationIntercept"/>; below 1 when few outcomes made the fit overconfident.</param>
public sealed record StalledDealParameters(
    string Algorithm,
    int HorizonDays,
    LogisticRegressionModel Logistic,
    GradientBoostedTreesModel? Trees,
    double TrainingStallRate,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<CandidateEvaluation> Candidates,
    double RecalibrationIntercept = 0,
    double RecalibrationSlope = 1);

/// <summary>A candidate classifier's figures on the later window.</summary>
/// <param name="Algorithm">logistic_regression or gradient_boosted_trees.</param>
/// <param name="Auc">Area under the ROC curve.</param>
/// <param name="Brier">Mean squared error of the probability.</param>
/// <param name="LogLoss">Mean negative log-likelihood.</param>
public sealed record CandidateEvaluation(string Algorithm, double Auc, double Brier, double LogLoss);
