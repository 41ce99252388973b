using Analytics.Models.Learning;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// Our prior-informed logistic regression, the stalled-deal model's baseline and its model for small data (ML.NET has
/// no L2 toward prior means): coefficients shrunk toward DOMAIN.md's hygiene rules (<see cref="StalledDealFeatures.PriorEffects"/>);
/// below <see cref="StalledDealModel.CrossValidateBelowOutcomes"/> outcomes the prior's strength is chosen by grouped
/// cross-validation and the probabilities recalibrated (Platt) on out-of-fold predictions.
/// </summary>
/// <param name="Classifier">The model as scored (recalibration included).</param>
/// <param name="Logistic">The regression.</param>
/// <param name="Intercept">Platt intercept (0 when not recalibrated).</param>
/// <param name="Slope">Platt slope (1 when not recalibrated).</param>
/// <param name="Notes">What was chosen, for the model card.</param>
internal sealed record SmallDataModel(StallClassifier Classifier, LogisticRegressionModel Logistic, double Intercept, double Slope, IReadOnlyList<string> Notes)
{
    /// <summary>Fits on <paramref name="training"/> (features <paramref name="x"/>, labels <paramref name="y"/>); <paramref name="l2"/> is the prior strength's floor.</summary>
    public static SmallDataModel Fit(IReadOnlyList<StalledDealRow> training, IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2)
    {
        var notes = new List<string>();
        var priorMeans = StalledDealFeatures.PriorMeans(Standardizer.Fit(x).Scales);
        var groups = training.Select(r => r.OpportunityId).ToList();
        var small = training.Count < StalledDealModel.CrossValidateBelowOutcomes;
        if (small)
        {
            var (chosenL2, losses) = PriorStrengthSearch.Choose(StalledDealFeatures.Names, x, y, groups, l2, priorMeans);
            l2 = chosenL2;
            notes.Add($"Prior strength chosen by {PriorStrengthSearch.Folds}-fold cross-validation (deals kept whole per fold) because training has fewer than {StalledDealModel.CrossValidateBelowOutcomes:N0} outcomes: L2 = {l2} "
                + $"(validation log loss {string.Join(", ", losses.Select(l => $"{l.L2}: {l.LogLoss:0.000}"))}).");
        }

        var logistic = LogisticRegressionTrainer.Fit(StalledDealFeatures.Names, x, y, new LogisticRegressionOptions { L2 = l2, PriorMeans = priorMeans });
        var (intercept, slope) = (0.0, 1.0);
        if (small)
        {
            (intercept, slope) = PriorStrengthSearch.Recalibration(StalledDealFeatures.Names, x, y, groups, l2, priorMeans);
            notes.Add($"Probabilities recalibrated on out-of-fold predictions (Platt): log-odds × {slope:0.000} {(intercept < 0 ? "-" : "+")} {Math.Abs(intercept):0.000}.");
        }

        return new SmallDataModel(new StallClassifier(logistic, intercept, slope), logistic, intercept, slope, notes);
    }
}
