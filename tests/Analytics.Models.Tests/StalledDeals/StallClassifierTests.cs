using Analytics.Models.Learning;
using Analytics.Models.StalledDeals;
using Analytics.Models.Tests.Learning;

namespace Analytics.Models.Tests.StalledDeals;

/// <summary>
/// The one door that scores open deals with the chosen classifier. ML.NET's cursor reads its source on worker threads
/// on large inputs; every scored row must still come back to its own source row (a queue shared between the threads
/// was corrupted by the scoring benchmark's 1,000,000 rows).
/// </summary>
public sealed class StallClassifierTests
{
    [Theory]
    [InlineData(MlNetTrainer.FastTree)]
    [InlineData(MlNetTrainer.LogisticRegression)]
    public void An_ml_net_model_hands_each_of_many_rows_back_to_its_own_source_row_in_order(string algorithm)
    {
        var (training, labels) = SyntheticRows.Logistic(3_000, -0.5, [1.5, -1.0, 0.0, 0.5], seed: 21);
        var model = MlNetTrainer.Fit(algorithm, ["x1", "x2", "x3", "x4"], training, labels);
        var (rows, _) = SyntheticRows.Logistic(StallClassifier.MlNetBatchRows * 2 + 1_234, 0, [1.0, 1.0, 1.0, 1.0], seed: 22);
        var expected = model.Probabilities(rows);
        var sources = rows.Select((features, index) => (Index: index, Features: features)).ToList();

        var seen = new List<(int Index, double Probability)>();
        new StallClassifier(model).Score(sources, s => s.Features, (source, probability, _) => seen.Add((source.Index, probability)));

        Assert.Equal(Enumerable.Range(0, rows.Count), seen.Select(s => s.Index));
        Assert.Equal(expected, seen.Select(s => s.Probability));
    }
}
