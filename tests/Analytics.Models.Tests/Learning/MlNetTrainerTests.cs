using Analytics.Models.Learning;

namespace Analytics.Models.Tests.Learning;

public sealed class MlNetTrainerTests
{
    private static readonly string[] Names = ["x1", "x2", "x3", "x4"];

    [Theory]
    [InlineData(MlNetTrainer.FastTree)]
    [InlineData(MlNetTrainer.LogisticRegression)]
    public void Training_twice_on_the_same_rows_gives_the_same_model_bytes_and_scores(string algorithm)
    {
        var (rows, labels) = SyntheticRows.Logistic(3_000, -0.5, [1.5, -1.0, 0.0, 0.5], seed: 11);

        var first = MlNetTrainer.Fit(algorithm, Names, rows, labels);
        var second = MlNetTrainer.Fit(algorithm, Names, rows, labels);

        Assert.Equal(MlNetClassifier.ContentHash(first.Save()), MlNetClassifier.ContentHash(second.Save()));
        Assert.Equal(first.Probabilities(rows), second.Probabilities(rows));
    }

    [Theory]
    [InlineData(MlNetTrainer.FastTree)]
    [InlineData(MlNetTrainer.LogisticRegression)]
    public void A_saved_model_reloads_and_scores_and_explains_bit_exactly(string algorithm)
    {
        var (rows, labels) = SyntheticRows.Logistic(2_000, 0, [1.0, 1.0, -1.0, 0.0], seed: 12);
        var model = MlNetTrainer.Fit(algorithm, Names, rows, labels);

        var reloaded = MlNetClassifier.Load(algorithm, Names.Length, model.LogOddsPerScore, model.Save());

        Assert.Equal(Explained(model, rows), Explained(reloaded, rows));
    }

    [Fact]
    public void FastTree_learns_what_no_straight_line_separates()
    {
        var (rows, labels) = SyntheticRows.Xor(4_000, 4, seed: 13);
        var (test, testLabels) = SyntheticRows.Xor(2_000, 4, seed: 14);

        var trees = MlNetTrainer.Fit(MlNetTrainer.FastTree, Names, rows, labels);
        var linear = MlNetTrainer.Fit(MlNetTrainer.LogisticRegression, Names, rows, labels);

        Assert.True(ClassifierMetrics.Auc(trees.Probabilities(test), testLabels) > 0.95);
        Assert.True(ClassifierMetrics.Auc(linear.Probabilities(test), testLabels) < 0.6);
    }

    [Fact]
    public void Linear_contributions_add_up_to_the_calibrated_log_odds_less_a_constant()
    {
        var (rows, labels) = SyntheticRows.Logistic(3_000, -0.5, [1.5, -1.0, 0.0, 0.5], seed: 15);
        var model = MlNetTrainer.Fit(MlNetTrainer.LogisticRegression, Names, rows, labels);

        var offsets = new List<double>();
        model.Score(rows.Take(200), (_, p, c) => offsets.Add(Math.Log(p / (1 - p)) - Sum(c)));

        Assert.All(offsets, o => Assert.Equal(offsets[0], o, 3));
    }

    [Fact]
    public void The_pushes_of_the_trees_point_the_way_the_feature_moves_the_risk()
    {
        var (rows, labels) = SyntheticRows.Logistic(4_000, 0, [2.0, 0.0, 0.0, 0.0], seed: 16);
        var model = MlNetTrainer.Fit(MlNetTrainer.FastTree, Names, rows, labels);

        var high = new List<double>();
        var low = new List<double>();
        model.Score([[2.0, 0, 0, 0], [-2.0, 0, 0, 0]], (i, _, c) => (i == 0 ? high : low).Add(c[0]));

        Assert.True(high[0] > 0.5, $"x1 = 2 pushes {high[0]}");
        Assert.True(low[0] < -0.5, $"x1 = -2 pushes {low[0]}");
    }

    [Fact]
    public void A_missing_value_is_refused_with_the_row_and_feature_named()
    {
        var (rows, labels) = SyntheticRows.Logistic(100, 0, [1.0, 1.0, 1.0, 1.0], seed: 17);
        rows[42][2] = double.NaN;

        var error = Assert.Throws<ArgumentException>(() => MlNetTrainer.Fit(MlNetTrainer.FastTree, Names, rows, labels));

        Assert.Contains("Row 42, feature 'x3' is NaN", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_in_words()
    {
        var error = Assert.Throws<InvalidDataException>(() => MlNetClassifier.Load(MlNetTrainer.FastTree, 4, 1, [1, 2, 3]));

        Assert.StartsWith("not an ML.NET model", error.Message);
    }

    /// <summary>Each row's probability followed by its contributions, flattened.</summary>
    private static List<double> Explained(MlNetClassifier model, IEnumerable<double[]> rows)
    {
        var result = new List<double>();
        model.Score(rows, (_, p, c) =>
        {
            result.Add(p);
            result.AddRange(c.ToArray());
        });
        return result;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }
}
