using System.Globalization;
using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.Tiers;

public sealed partial class TierReadinessModel
{
    /// <summary>ML.NET's logistic regression replaces ours only when its pooled rolling AUC is higher by at least this.</summary>
    public const double CandidateMargin = 0.02;

    /// <summary>The algorithm name of our prior-regularised logistic regression.</summary>
    public const string LogisticAlgorithm = "logistic_regression";

    /// <summary>
    /// Rolling-origin evaluation: every past quarter transition but the first is scored by a model trained on the
    /// transitions before it only; the predictions are pooled. Returns the pooled probabilities, labels and the
    /// earlier transitions' base rates (the bar), and how many transitions were scored.
    /// </summary>
    internal static (List<double> Probabilities, List<bool> Labels, List<double> BaseRates, int Transitions) Rolling(
        IReadOnlyList<TierReadinessRow> training, double l2, string algorithm)
    {
        var probabilities = new List<double>();
        var labels = new List<bool>();
        var baseRates = new List<double>();
        var transitions = 0;
        foreach (var quarter in training.Select(r => r.QuarterNumber).Distinct().Order().Skip(1))
        {
            var before = training.Where(r => r.QuarterNumber < quarter).ToList();
            var scored = training.Where(r => r.QuarterNumber == quarter).ToList();
            var fitted = Fit(before, l2);
            var predict = Predictor(before, fitted, algorithm);
            transitions++;
            foreach (var row in scored)
            {
                probabilities.Add(predict(row.Features));
                labels.Add(row.MetTarget == true);
                baseRates.Add(fitted.BaseRate);
            }
        }

        return (probabilities, labels, baseRates, transitions);
    }

    /// <summary>The chosen algorithm's prediction from <paramref name="rows"/> (ours: <paramref name="fitted"/>; ML.NET's when both outcomes occur).</summary>
    private static Func<double[], double> Predictor(IReadOnlyList<TierReadinessRow> rows, TierReadinessParameters fitted, string algorithm)
    {
        var y = rows.Select(r => r.MetTarget == true).ToList();
        if (algorithm == LogisticAlgorithm || y.Distinct().Count() < 2)
        {
            return x => fitted.Regression.Probability(x);
        }

        var model = MlNetTrainer.Fit(algorithm, TierReadinessRows.FeatureNames, [.. rows.Select(r => r.Features)], y);
        return features => model.Probabilities([features])[0];
    }

    /// <summary>
    /// The rolling evaluations of our regression and of ML.NET's, and the algorithm chosen: ML.NET's only when its
    /// pooled AUC beats ours by <see cref="CandidateMargin"/>.
    /// </summary>
    private static (string Algorithm, List<ModelEvaluation> Evaluations) RollingEvaluations(IReadOnlyList<TierReadinessRow> training, double l2, string version)
    {
        var list = new List<ModelEvaluation>();
        var quarters = training.Select(r => r.QuarterNumber).Distinct().Order().ToList();
        if (quarters.Count < 2)
        {
            return (LogisticAlgorithm, list);
        }

        var scoredRows = training.Where(r => r.QuarterNumber > quarters[0]).ToList();
        var window = string.Create(CultureInfo.InvariantCulture,
            $"rolling origin {scoredRows.MinBy(r => r.QuarterNumber)!.FiscalQuarter}..{scoredRows.MaxBy(r => r.QuarterNumber)!.FiscalQuarter}");
        var from = scoredRows.Min(r => r.QuarterStart);
        var to = scoredRows.Max(r => r.OutcomeQuarterEnd!.Value).AddDays(-1);
        double? Auc(string algorithm, out string detail)
        {
            var (p, y, baseRates, transitions) = Rolling(training, l2, algorithm);
            var positives = y.Count(v => v);
            detail = $"{transitions} transitions, each scored by a model trained on the transitions before it only; {y.Count} outcomes pooled, {positives} met";
            if (algorithm == LogisticAlgorithm)
            {
                list.Add(new ModelEvaluation(Name, version, window, from, to, "positives", positives, y.Count, detail));
                list.Add(new ModelEvaluation(Name, version, window, from, to, "transitions", transitions, y.Count, detail));
                list.Add(new ModelEvaluation(Name, version, window, from, to, "brier", ClassifierMetrics.Brier(p, y), y.Count, detail));
                list.Add(new ModelEvaluation(Name, version, window, from, to, "brier_base_rate", ClassifierMetrics.Brier(baseRates, y), y.Count,
                    "Brier score of predicting each transition the base rate of the transitions before it: the bar the model must beat"));
            }

            return positives > 0 && positives < y.Count ? ClassifierMetrics.Auc(p, y) : null;
        }

        var ours = Auc(LogisticAlgorithm, out var oursDetail);
        var theirs = Auc(MlNetTrainer.LogisticRegression, out _);
        var chosen = ours is { } o && theirs is { } t && t >= o + CandidateMargin ? MlNetTrainer.LogisticRegression : LogisticAlgorithm;
        var chosenAuc = chosen == LogisticAlgorithm ? ours : theirs;
        if (chosenAuc is { } auc)
        {
            var positives = (long)list.Single(e => e.Metric == "positives").Value;
            var (low, high) = ClassifierMetrics.AucConfidenceInterval(auc, positives, list[0].Rows - positives);
            list.Add(new ModelEvaluation(Name, version, window, from, to, "auc", auc, list[0].Rows, $"{chosen}; pooled rolling-origin AUC, 95 % interval {low:0.000}-{high:0.000} (Hanley-McNeil); {oursDetail}"));
            list.Add(new ModelEvaluation(Name, version, window, from, to, "auc_ci_low", low, list[0].Rows));
            list.Add(new ModelEvaluation(Name, version, window, from, to, "auc_ci_high", high, list[0].Rows));
        }

        foreach (var (algorithm, value) in new[] { (LogisticAlgorithm, ours), (MlNetTrainer.LogisticRegression, theirs) })
        {
            if (value is { } v)
            {
                list.Add(new ModelEvaluation(Name, version, window, from, to, $"candidate_auc_{algorithm}", v, list[0].Rows,
                    algorithm == chosen ? "chosen" : $"not chosen (ML.NET must beat ours by {CandidateMargin})"));
            }
        }

        return (chosen, list);
    }
}
