using Analytics.Models.Learning;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// Chooses the strength of the logistic regression's Gaussian prior (L2) by grouped k-fold cross-validation on the
/// training rows: with few outcomes a weak prior overfits and its probabilities are overconfident, so the search
/// picks a strong one and the scores shrink toward the training stall rate (calibrated, if less sharp). Rows of one
/// deal (its weekly snapshots) stay in one fold, so a deal never validates itself.
/// </summary>
public static class PriorStrengthSearch
{
    /// <summary>The strengths tried; the configured L2 is the floor.</summary>
    public static IReadOnlyList<double> Grid { get; } = [1, 3, 10, 30, 100, 300, 1000, 3000];

    /// <summary>Folds.</summary>
    public const int Folds = 5;

    /// <summary>The L2 with the lowest mean validation log loss (ties: the stronger), and the losses per strength tried.</summary>
    public static (double L2, IReadOnlyList<(double L2, double LogLoss)> Losses) Choose(
        IReadOnlyList<string> names, IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<string> groups, double floor,
        IReadOnlyList<double>? priorMeans = null)
    {
        var folds = groups.Select(g => (int)(Fnv(g) % Folds)).ToArray();
        var losses = new List<(double, double)>();
        foreach (var l2 in Grid.Where(g => g >= floor).DefaultIfEmpty(floor))
        {
            double total = 0;
            var counted = 0;
            foreach (var (model, testIdx) in FoldModels(names, x, y, folds, l2, priorMeans))
            {
                total += ClassifierMetrics.LogLoss(testIdx.Select(i => model.Probability(x[i])).ToList(), testIdx.Select(i => y[i]).ToList()) * testIdx.Count;
                counted += testIdx.Count;
            }

            losses.Add((l2, counted == 0 ? double.PositiveInfinity : total / counted));
        }

        var best = losses.OrderBy(l => l.Item2).ThenByDescending(l => l.Item1).First();
        return (best.Item1, losses);
    }

    /// <summary>
    /// Platt recalibration fitted on out-of-fold predictions at <paramref name="l2"/>: the intercept and slope that map
    /// a model's log-odds to calibrated log-odds (slope below 1 when the model is overconfident, as it is on few outcomes).
    /// </summary>
    public static (double Intercept, double Slope) Recalibration(
        IReadOnlyList<string> names, IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<string> groups, double l2,
        IReadOnlyList<double>? priorMeans = null)
    {
        var folds = groups.Select(g => (int)(Fnv(g) % Folds)).ToArray();
        var logOdds = new List<double[]>();
        var labels = new List<bool>();
        foreach (var (model, testIdx) in FoldModels(names, x, y, folds, l2, priorMeans))
        {
            foreach (var i in testIdx)
            {
                logOdds.Add([model.LogOdds(x[i])]);
                labels.Add(y[i]);
            }
        }

        if (labels.Distinct().Count() < 2)
        {
            return (0, 1);
        }

        var platt = LogisticRegressionTrainer.Fit(["log_odds"], logOdds, labels, new LogisticRegressionOptions { L2 = 1 });
        return (platt.PerUnitIntercept(), platt.PerUnitCoefficients()[0]);
    }

    /// <summary>
    /// For each fold with held-out rows and both outcomes among the others: the model fitted at <paramref name="l2"/> on
    /// the other folds, and the indexes of the fold's rows (out-of-fold predictions for both the search and Platt).
    /// </summary>
    private static IEnumerable<(LogisticRegressionModel Model, List<int> TestIdx)> FoldModels(
        IReadOnlyList<string> names, IReadOnlyList<double[]> x, IReadOnlyList<bool> y, int[] folds, double l2, IReadOnlyList<double>? priorMeans)
    {
        for (var fold = 0; fold < Folds; fold++)
        {
            var trainIdx = Enumerable.Range(0, x.Count).Where(i => folds[i] != fold).ToList();
            var testIdx = Enumerable.Range(0, x.Count).Where(i => folds[i] == fold).ToList();
            if (testIdx.Count == 0 || trainIdx.Select(i => y[i]).Distinct().Count() < 2)
            {
                continue;
            }

            yield return (LogisticRegressionTrainer.Fit(names, trainIdx.Select(i => x[i]).ToList(), trainIdx.Select(i => y[i]).ToList(),
                new LogisticRegressionOptions { L2 = l2, PriorMeans = priorMeans }), testIdx);
        }
    }

    /// <summary>FNV-1a, 64 bits: a stable hash for deterministic folds and samples (string.GetHashCode changes per process).</summary>
    internal static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
