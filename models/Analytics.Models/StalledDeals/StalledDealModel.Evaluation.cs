using Analytics.Models.Learning;
using Analytics.Models.Scoring;
using Analytics.Models.Configuration;

namespace Analytics.Models.StalledDeals;

public static partial class StalledDealModel
{
    /// <summary>Rows of a window the oracle replays (a deterministic sample): enough for its AUC to two decimals.</summary>
    public const int OracleSampleRows = 2_000;

    /// <summary>Training outcomes of the small-data table (the partner tools' anchors: 200 won + 200 lost, or 50 won + 150 lost).</summary>
    public static IReadOnlyList<int> SmallDataSizes { get; } = [60, 200, 400];

    /// <summary>
    /// The oracle's AUC on a sample of <paramref name="rows"/> beside the model's on the same rows, and their ratio (the
    /// goal: the model at 0.95 of the oracle or more); nothing without an oracle.
    /// </summary>
    private static IEnumerable<Measure> OracleMeasures(ScoringContext context, EvaluationWindow window, IReadOnlyList<StalledDealRow> rows, StallClassifier classifier)
    {
        if (context.StallOracle is not { } oracle)
        {
            yield break;
        }

        context.Report($"stalled-deal model: the oracle replays {Math.Min(rows.Count, OracleSampleRows):N0} deals of the {window.Name}");
        var sample = SampleOf(rows, OracleSampleRows);
        var truth = oracle.StallProbabilities([.. sample.Select(r => (r.OpportunityId, r.SnapshotDate))], context.Config.Models.StalledDeal.HorizonDays);
        var known = sample.Where(r => truth.ContainsKey((r.OpportunityId, r.SnapshotDate))).ToList();
        var labels = known.Select(r => r.IsStalled!.Value).ToList();
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count)
        {
            yield break;
        }

        var oracleAuc = ClassifierMetrics.Auc([.. known.Select(r => truth[(r.OpportunityId, r.SnapshotDate)])], labels);
        var modelAuc = ClassifierMetrics.Auc(classifier.Probabilities([.. known.Select(StalledDealFeatures.Vector)]), labels);
        var (low, high) = ClassifierMetrics.AucConfidenceInterval(oracleAuc, positives, labels.Count - positives);
        yield return new(window, "oracle_auc", oracleAuc, $"{oracle.Description}; {known.Count:N0} deals sampled from the window, {positives:N0} stalled; 95 % interval {low:0.000}-{high:0.000}", known.Count);
        yield return new(window, "model_auc_on_oracle_sample", modelAuc, "the model's AUC on the oracle's sample", known.Count);
        yield return new(window, "model_to_oracle_auc_ratio", modelAuc / oracleAuc, "goal: 0.95 or more", known.Count);
    }

    /// <summary>The earlier windows, each with the chosen algorithm trained only on the outcomes known when it begins.</summary>
    private static IEnumerable<Measure> EarlierWindows(ScoringContext context, IReadOnlyList<StalledDealRow> labelled, IReadOnlyList<EvaluationWindow> windows, string algorithm)
    {
        var settings = context.Config.Models.StalledDeal;
        foreach (var window in windows.Skip(1))
        {
            var (training, evaluation) = window.Split(labelled);
            training = Sample(training, settings, []);
            var y = training.Select(r => r.IsStalled!.Value).ToList();
            var evalY = evaluation.Select(r => r.IsStalled!.Value).ToList();
            if (y.Distinct().Count() < 2 || evalY.Distinct().Count() < 2)
            {
                continue;
            }

            context.Report($"stalled-deal model: {window.Name} ({window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}), trained on {training.Count:N0} earlier outcomes");
            var x = training.Select(StalledDealFeatures.Vector).ToList();
            var fitted = algorithm != LogisticAlgorithm && training.Count >= MinimumOutcomesForCandidates
                ? new StallClassifier(MlNetTrainer.Fit(algorithm, StalledDealFeatures.Names, x, y))
                : SmallDataModel.Fit(training, x, y, settings.L2).Classifier;
            var used = algorithm != LogisticAlgorithm && training.Count >= MinimumOutcomesForCandidates ? algorithm : LogisticAlgorithm;
            foreach (var measure in WindowMeasures(window, used, fitted.Probabilities([.. evaluation.Select(StalledDealFeatures.Vector)]), evalY))
            {
                yield return measure;
            }

            foreach (var measure in OracleMeasures(context, window, evaluation, fitted))
            {
                yield return measure;
            }
        }
    }

    /// <summary>
    /// The small-data model trained on deterministic samples of <see cref="SmallDataSizes"/> training outcomes and judged
    /// on the later window: AUC with its interval, Brier score, the largest calibration gap over deciles and the
    /// calibration slope (1 is calibrated; below 1, overconfident).
    /// </summary>
    private static IEnumerable<Measure> SmallDataTable(ScoringContext context, IReadOnlyList<StalledDealRow> training, EvaluationWindow later,
        IReadOnlyList<StalledDealRow> evaluation, IReadOnlyList<double[]> evalX, IReadOnlyList<bool> evalY)
    {
        foreach (var size in SmallDataSizes.Where(n => n <= training.Count))
        {
            var sample = SampleOf(training, size);
            var y = sample.Select(r => r.IsStalled!.Value).ToList();
            if (y.Distinct().Count() < 2)
            {
                continue;
            }

            context.Report($"stalled-deal model: small-data check on {size} outcomes");
            var model = SmallDataModel.Fit(sample, [.. sample.Select(StalledDealFeatures.Vector)], y, context.Config.Models.StalledDeal.L2);
            var probabilities = model.Classifier.Probabilities(evalX);
            var window = later with { Name = $"small data: {size} outcomes" };
            var stalled = y.Count(v => v);
            var auc = ClassifierMetrics.Auc(probabilities, evalY);
            var positives = evalY.Count(v => v);
            var (low, high) = ClassifierMetrics.AucConfidenceInterval(auc, positives, evalY.Count - positives);
            var bins = ClassifierMetrics.Calibration(probabilities, evalY, CalibrationBins, CalibrationBinning.Quantile);
            var detail = $"prior-informed logistic regression on {size} training outcomes ({stalled} stalled, {size - stalled} moved), judged on the later window";
            yield return new(window, "auc", auc, $"{detail}; 95 % interval {low:0.000}-{high:0.000}");
            yield return new(window, "auc_ci_low", low, null);
            yield return new(window, "auc_ci_high", high, null);
            yield return new(window, "brier", ClassifierMetrics.Brier(probabilities, evalY), null);
            yield return new(window, "max_calibration_gap_pp", bins.Max(b => Math.Abs(b.MeanPredicted - b.ObservedRate)) * 100, $"over {bins.Count} deciles of score");
            yield return new(window, "calibration_slope", CalibrationSlope(probabilities, evalY), "slope of the observed log-odds on the predicted (1: calibrated; below 1: overconfident)");
        }
    }

    private static double CalibrationSlope(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var logOdds = probabilities.Select(p => new[] { Math.Log(Math.Clamp(p, 1e-9, 1 - 1e-9) / (1 - Math.Clamp(p, 1e-9, 1 - 1e-9))) }).ToList();
        return LogisticRegressionTrainer.Fit(["log_odds"], logOdds, labels, new LogisticRegressionOptions { L2 = 1 }).PerUnitCoefficients()[0];
    }
}
