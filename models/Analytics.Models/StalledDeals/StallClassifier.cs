using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// The chosen classifier of a <see cref="StalledDealParameters"/>, scored through one door: our prior-informed logistic
/// regression (with its Platt recalibration) or an ML.NET model loaded from its zip.
/// </summary>
internal sealed class StallClassifier
{
    private readonly LogisticRegressionModel? _logistic;
    private readonly MlNetClassifier? _mlNet;
    private readonly double _intercept;
    private readonly double _slope = 1;

    public StallClassifier(LogisticRegressionModel logistic, double intercept = 0, double slope = 1)
    {
        _logistic = logistic;
        _intercept = intercept;
        _slope = slope;
    }

    public StallClassifier(MlNetClassifier mlNet) => _mlNet = mlNet;

    /// <summary>The classifier <paramref name="parameters"/> chose, its ML.NET zip (if any) read from <paramref name="store"/>.</summary>
    /// <exception cref="ModelFileException">The card names an ML.NET model whose zip is missing, altered or unreadable.</exception>
    public static StallClassifier Load(StalledDealParameters parameters, ModelStore store)
    {
        if (parameters.MlNet is not { } file)
        {
            return new StallClassifier(parameters.Logistic, parameters.RecalibrationIntercept, parameters.RecalibrationSlope);
        }

        return new StallClassifier(file.Load(store, StalledDealModel.Name, StalledDealFeatures.Count));
    }

    /// <summary>Rows handed to ML.NET at a time: large enough to amortise its pipeline, small enough to hold.</summary>
    internal const int MlNetBatchRows = 50_000;

    /// <summary>
    /// Scores <paramref name="rows"/> in order, calling <paramref name="each"/> with the row, its probability of stalling
    /// and each feature's push on the log-odds (a reused buffer).
    /// </summary>
    public void Score<TRow>(IEnumerable<TRow> rows, Func<TRow, double[]> features, Action<TRow, double, ReadOnlySpan<double>> each)
    {
        if (_mlNet is not null)
        {
            // ML.NET's cursor reads its source on worker threads (splitter/consolidator) while it hands rows back on this
            // one, so a queue shared between the two is corrupted on large inputs. Batches keep memory bounded and map
            // each scored row back to its source row by its index in the batch.
            foreach (var batch in rows.Chunk(MlNetBatchRows))
            {
                _mlNet.Score(batch.Select(features), (i, p, c) => each(batch[(int)i], p, c));
            }

            return;
        }

        var contributions = new double[StalledDealFeatures.Count];
        foreach (var row in rows)
        {
            var x = features(row);
            var logOdds = _logistic!.LogOdds(x);
            _logistic.Contributions(x, contributions);
            if (_slope != 1)
            {
                for (var i = 0; i < contributions.Length; i++)
                {
                    contributions[i] *= _slope; // recalibration scales every push alike: the reasons' order is unchanged
                }
            }

            each(row, Logistic.Sigmoid(_intercept + _slope * logOdds), contributions);
        }
    }

    /// <summary>The probabilities of stalling of <paramref name="x"/>, in order.</summary>
    public double[] Probabilities(IReadOnlyList<double[]> x)
    {
        var result = new double[x.Count];
        var i = 0;
        Score(x, v => v, (_, p, _) => result[i++] = p);
        return result;
    }
}
