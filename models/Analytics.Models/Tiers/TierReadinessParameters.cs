using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.Tiers;

/// <summary>
/// The fitted tier-readiness model: a regularised logistic regression on <see cref="TierReadinessRows.Features"/>, or,
/// when the training outcomes hold one class only, a constant model at the smoothed base rate (every coefficient 0).
/// </summary>
/// <param name="Regression">The logistic regression (feature names, standardisation, coefficients, penalty).</param>
/// <param name="BaseRate">Share of training outcomes that met their target tier, smoothed as (positives + 1) / (outcomes + 2).</param>
/// <param name="MlNet">ML.NET's logistic regression when its rolling evaluation beat ours by the margin (it then scores); null otherwise.</param>
public sealed record TierReadinessParameters(LogisticRegressionModel Regression, double BaseRate, MlNetModelFile? MlNet = null);
