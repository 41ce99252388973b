using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.StalledDeals;

/// <summary>The stalled-deal model's saved parameters: the chosen classifier and what it was chosen over.</summary>
/// <param name="Algorithm">logistic_regression (ours, prior-informed), or the ML.NET candidate (fast_tree, lbfgs_logistic_regression) that beat it by the documented margin.</param>
/// <param name="HorizonDays">Stalled = neither advanced a stage nor closed won within this many days.</param>
/// <param name="Logistic">The prior-informed logistic regression (always trained; the baseline, used unless an ML.NET candidate won).</param>
/// <param name="MlNet">The chosen ML.NET model's zip beside the card; null when the baseline was chosen.</param>
/// <param name="TrainingStallRate">Share of training outcomes that stalled.</param>
/// <param name="Calibration">Predicted vs observed stall rate by decile of score on the later window.</param>
/// <param name="Candidates">Each candidate's figures on the later window.</param>
/// <param name="RecalibrationIntercept">Calibrated log-odds = intercept + slope × the classifier's log-odds (0 and 1: none).</param>
/// <param name="RecalibrationSlope">See <paramref name="RecalibrationIntercept"/>; below 1 when few outcomes made the fit overconfident.</param>
public sealed record StalledDealParameters(
    string Algorithm,
    int HorizonDays,
    LogisticRegressionModel Logistic,
    MlNetModelFile? MlNet,
    double TrainingStallRate,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<CandidateEvaluation> Candidates,
    double RecalibrationIntercept = 0,
    double RecalibrationSlope = 1);

/// <summary>A candidate classifier's figures on the later window.</summary>
/// <param name="Algorithm">logistic_regression, fast_tree or lbfgs_logistic_regression.</param>
/// <param name="Auc">Area under the ROC curve.</param>
/// <param name="Brier">Mean squared error of the probability.</param>
/// <param name="LogLoss">Mean negative log-likelihood.</param>
public sealed record CandidateEvaluation(string Algorithm, double Auc, double Brier, double LogLoss);

