using System.Globalization;

namespace Analytics.Models.Learning;

/// <summary>
/// How good a binary classifier's scores are: ranking (AUC with its confidence interval), accuracy of probabilities
/// (Brier score, log loss) and calibration (predicted against observed rates by bin). Pure functions of scores and
/// labels.
/// </summary>
public static class ClassifierMetrics
{
    /// <summary>
    /// The area under the ROC curve: the probability that a random positive scores above a random negative, ties
    /// counting one half. Computed as the Mann-Whitney U statistic with mid-ranks for tied scores:
    /// <c>AUC = (Σ ranks of positives − P(P+1)/2) / (P·N)</c>.
    /// </summary>
    /// <param name="scores">A score per row (any scale; higher means more likely positive).</param>
    /// <param name="labels">The outcome of each row.</param>
    /// <exception cref="ArgumentException">Different lengths, a NaN score, or no positives or no negatives.</exception>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        CheckScores(scores, labels, probabilities: false);
        var positives = labels.LongCount(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"AUC needs both outcomes; got {positives} positives and {negatives} negatives.", nameof(labels));
        }

        var order = SortedByScore(scores);
        var positiveRankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            var groupPositives = 0L;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                groupPositives += labels[order[end]] ? 1 : 0;
                end++;
            }

            // Rows start..end−1 (0-based) hold ranks start+1..end; each gets their mean.
            var midRank = (start + 1 + end) / 2.0;
            positiveRankSum += groupPositives * midRank;
            start = end;
        }

        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }

    /// <summary>
    /// The 95 % confidence interval of an AUC by Hanley and McNeil (1982): with <c>Q1 = A/(2−A)</c> and
    /// <c>Q2 = 2A²/(1+A)</c>, <c>SE² = [A(1−A) + (P−1)(Q1−A²) + (N−1)(Q2−A²)] / (P·N)</c>, interval
    /// <c>A ± 1.96·SE</c> clipped to [0, 1].
    /// </summary>
    /// <param name="auc">The AUC, in [0, 1].</param>
    /// <param name="positives">Positive rows it was measured on, ≥ 1.</param>
    /// <param name="negatives">Negative rows it was measured on, ≥ 1.</param>
    /// <exception cref="ArgumentException">An AUC outside [0, 1] or a count below 1.</exception>
    public static ConfidenceInterval AucConfidenceInterval(double auc, long positives, long negatives)
    {
        if (!(auc >= 0 && auc <= 1))
        {
            throw new ArgumentException($"AUC must be in [0, 1], got {auc.ToString(CultureInfo.InvariantCulture)}.", nameof(auc));
        }

        if (positives < 1 || negatives < 1)
        {
            throw new ArgumentException($"Need at least one positive and one negative, got {positives} and {negatives}.");
        }

        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc))
            / ((double)positives * negatives);
        var margin = 1.96 * Math.Sqrt(Math.Max(0, variance));
        return new ConfidenceInterval(Math.Max(0, auc - margin), Math.Min(1, auc + margin));
    }

    /// <summary>The Brier score: the mean of <c>(p − y)²</c>; 0 is perfect, 0.25 is a constant 0.5.</summary>
    /// <param name="probabilities">Predicted probabilities, in [0, 1].</param>
    /// <param name="labels">The outcome of each row.</param>
    /// <exception cref="ArgumentException">Different lengths, no rows, or a probability outside [0, 1].</exception>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        CheckScores(probabilities, labels, probabilities: true);
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var d = probabilities[i] - (labels[i] ? 1.0 : 0.0);
            sum += d * d;
        }

        return sum / probabilities.Count;
    }

    /// <summary>
    /// The log loss: the mean of <c>−[y·ln p + (1−y)·ln(1−p)]</c>, with p clipped to [1e-15, 1 − 1e-15] so a confident
    /// miss costs about 34.5 rather than infinity.
    /// </summary>
    /// <param name="probabilities">Predicted probabilities, in [0, 1].</param>
    /// <param name="labels">The outcome of each row.</param>
    /// <exception cref="ArgumentException">Different lengths, no rows, or a probability outside [0, 1].</exception>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        CheckScores(probabilities, labels, probabilities: true);
        const double Epsilon = 1e-15;
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / probabilities.Count;
    }

    /// <summary>
    /// The calibration table: rows cut into <paramref name="bins"/> bins by predicted probability, each with its mean
    /// prediction and observed positive rate. Quantile bins put row k (0-based, in order of prediction) of n in bin
    /// ⌊k·bins/n⌋ + 1, except that tied predictions all go to the bin of the first of them; equal-width bins cut [0, 1]
    /// in equal parts. Empty bins are left out.
    /// </summary>
    /// <param name="probabilities">Predicted probabilities, in [0, 1].</param>
    /// <param name="labels">The outcome of each row.</param>
    /// <param name="bins">How many bins, ≥ 1.</param>
    /// <param name="binning">Equal-count or equal-width bins.</param>
    /// <exception cref="ArgumentException">Different lengths, no rows, a probability outside [0, 1], or bins below 1.</exception>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels,
        int bins, CalibrationBinning binning)
    {
        CheckScores(probabilities, labels, probabilities: true);
        if (bins < 1)
        {
            throw new ArgumentException($"Need at least 1 bin, got {bins}.", nameof(bins));
        }

        var binOf = binning switch
        {
            CalibrationBinning.Quantile => QuantileBins(probabilities, bins),
            CalibrationBinning.EqualWidth => probabilities.Select(p => Math.Min((int)(p * bins), bins - 1)).ToArray(),
            _ => throw new ArgumentException($"Unknown binning {binning}.", nameof(binning)),
        };

        var count = new long[bins];
        var predicted = new double[bins];
        var observed = new long[bins];
        var lowest = Enumerable.Repeat(double.PositiveInfinity, bins).ToArray();
        var highest = Enumerable.Repeat(double.NegativeInfinity, bins).ToArray();
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = binOf[i];
            count[b]++;
            predicted[b] += probabilities[i];
            observed[b] += labels[i] ? 1 : 0;
            lowest[b] = Math.Min(lowest[b], probabilities[i]);
            highest[b] = Math.Max(highest[b], probabilities[i]);
        }

        var table = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var (lower, upper) = binning == CalibrationBinning.EqualWidth
                ? ((double)b / bins, (double)(b + 1) / bins)
                : (lowest[b], highest[b]);
            table.Add(new CalibrationBin(b + 1, lower, upper, count[b], predicted[b] / count[b], (double)observed[b] / count[b]));
        }

        return table;
    }

    private static int[] QuantileBins(IReadOnlyList<double> probabilities, int bins)
    {
        var order = SortedByScore(probabilities);
        var binOf = new int[probabilities.Count];
        var n = (long)probabilities.Count;
        for (var k = 0; k < order.Length; k++)
        {
            binOf[order[k]] = k > 0 && probabilities[order[k]] == probabilities[order[k - 1]]
                ? binOf[order[k - 1]]
                : (int)(k * (long)bins / n);
        }

        return binOf;
    }

    /// <summary>Row indices in ascending order of score, ties in row order (so results do not depend on the sort).</summary>
    private static int[] SortedByScore(IReadOnlyList<double> scores)
    {
        var order = new int[scores.Count];
        var keys = new double[scores.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = scores[i];
        }

        Array.Sort(keys, order);
        // Array.Sort is unstable: restore row order within runs of equal scores.
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }

        return order;
    }

    private static void CheckScores(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, bool probabilities)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"There are {scores.Count} scores for {labels.Count} labels; give one score per label.");
        }

        if (scores.Count == 0)
        {
            throw new ArgumentException("No rows to measure.", nameof(scores));
        }

        for (var i = 0; i < scores.Count; i++)
        {
            var ok = probabilities ? scores[i] >= 0 && scores[i] <= 1 : !double.IsNaN(scores[i]);
            if (!ok)
            {
                throw new ArgumentException(
                    $"Row {i} has score {scores[i].ToString(CultureInfo.InvariantCulture)}; "
                    + (probabilities ? "probabilities must be in [0, 1]." : "scores must not be NaN."), nameof(scores));
            }
        }
    }
}
