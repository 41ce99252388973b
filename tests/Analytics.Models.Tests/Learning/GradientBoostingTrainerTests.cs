using System.Text.Json;
using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.Tests.Learning;

public sealed class GradientBoostingTrainerTests
{
    private static readonly string[] XorNames = ["x1", "x2", "noise1", "noise2"];

    [Fact]
    public void Trees_learn_an_xor_of_two_thresholds_that_a_logistic_regression_cannot()
    {
        // y = (x1 > 0.5) XOR (x2 > 0.5): each quadrant is pure, but no line separates them and each feature alone
        // carries no signal, so a linear model ranks at chance. Depth-3 trees can isolate the quadrants.
        var (train, trainLabels) = SyntheticRows.Xor(4_000, 4, seed: 1);
        var (test, testLabels) = SyntheticRows.Xor(2_000, 4, seed: 2);

        var trees = GradientBoostingTrainer.Fit(XorNames, train, trainLabels, new GradientBoostingOptions { Trees = 100, Seed = 3 });
        var linear = LogisticRegressionTrainer.Fit(XorNames, train, trainLabels, new LogisticRegressionOptions());

        var treeAuc = ClassifierMetrics.Auc([.. test.Select(r => trees.Probability(r))], testLabels);
        var linearAuc = ClassifierMetrics.Auc([.. test.Select(r => linear.Probability(r))], testLabels);
        Assert.True(treeAuc > 0.95, $"tree AUC {treeAuc}");
        Assert.InRange(linearAuc, 0.4, 0.6);
    }

    [Fact]
    public void A_single_stump_splits_a_step_at_the_midpoint_with_the_newton_leaf_values()
    {
        // x = 1..4 with labels −, −, +, + (base rate 1/2, F0 = 0, so every p = 1/2, g = p − y = ±1/2, h = 1/4).
        // Best split: x ≤ 2.5 (halfway between 2 and 3). Left: G = 2·(1/2) = 1, H = 0.5; right G = −1, H = 0.5.
        // Values with η = 1, λ = 1: left −1/(0.5 + 1) = −2/3, right +2/3, root −0/(1 + 1) = 0.
        // Gain 1/1.5 + 1/1.5 − 0 = 4/3; MinLeafRows 1 allows any split, but x ≤ 1.5 (or 3.5) gains only 0.25/1.25 + 0.25/1.75 ≈ 0.34.
        var model = GradientBoostingTrainer.Fit(["x"], [[1], [2], [3], [4]], [false, false, true, true],
            new GradientBoostingOptions { Trees = 1, MaxDepth = 1, LearningRate = 1, MinLeafRows = 1, L2 = 1 });

        var tree = Assert.Single(model.Trees);
        Assert.Equal([0, -1, -1], tree.Feature);
        Assert.Equal(2.5, tree.Threshold[0]);
        Assert.Equal(0.0, model.BaseLogOdds, 1e-12);
        Assert.Equal(-2.0 / 3.0, model.LogOdds([2.0]), 1e-12);
        Assert.Equal(2.0 / 3.0, model.LogOdds([2.6]), 1e-12);
    }

    [Fact]
    public void Contributions_plus_the_base_give_the_log_odds()
    {
        var (rows, labels) = SyntheticRows.Xor(3_000, 4, seed: 4);
        var model = GradientBoostingTrainer.Fit(XorNames, rows, labels, new GradientBoostingOptions { Trees = 50, Subsample = 0.7, Seed = 5 });
        var contributions = new double[4];

        foreach (var row in rows.Take(100))
        {
            model.Contributions(row, contributions);
            Assert.Equal(model.LogOdds(row), model.BaseLogOdds + contributions.Sum(), 1e-9);
        }

        Assert.All(model.Trees, t => Assert.Equal(0.0, t.Value[0]));
    }

    [Fact]
    public void The_informative_features_carry_the_contributions()
    {
        var (rows, labels) = SyntheticRows.Xor(3_000, 4, seed: 6);
        var model = GradientBoostingTrainer.Fit(XorNames, rows, labels, new GradientBoostingOptions { Trees = 100, Seed = 7 });
        var contributions = new double[4];
        var size = new double[4];

        foreach (var row in rows)
        {
            model.Contributions(row, contributions);
            for (var j = 0; j < 4; j++)
            {
                size[j] += Math.Abs(contributions[j]);
            }
        }

        Assert.True(Math.Min(size[0], size[1]) > 10 * Math.Max(size[2], size[3]), $"mean |contribution| {string.Join(", ", size)}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_another_seed_another()
    {
        var (rows, labels) = SyntheticRows.Xor(2_000, 4, seed: 8);
        var options = new GradientBoostingOptions { Trees = 20, Subsample = 0.5, MinLeafRows = 20, Seed = 9 };

        var first = JsonSerializer.Serialize(GradientBoostingTrainer.Fit(XorNames, rows, labels, options), ModelStore.Json);
        var second = JsonSerializer.Serialize(GradientBoostingTrainer.Fit(XorNames, rows, labels, options), ModelStore.Json);
        var other = JsonSerializer.Serialize(GradientBoostingTrainer.Fit(XorNames, rows, labels, options with { Seed = 10 }), ModelStore.Json);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_json_round_trip_predicts_identically()
    {
        var (rows, labels) = SyntheticRows.Xor(2_000, 4, seed: 11);
        var model = GradientBoostingTrainer.Fit(XorNames, rows, labels, new GradientBoostingOptions { Trees = 30, Seed = 12 });

        var json = JsonSerializer.Serialize(model, ModelStore.Json);
        var loaded = JsonSerializer.Deserialize<GradientBoostedTreesModel>(json, ModelStore.Json)!;

        Assert.Contains("\"base_log_odds\"", json);
        Assert.Contains("\"threshold\"", json);
        Assert.Equal(model.Trees.Length, loaded.Trees.Length);
        foreach (var row in rows.Take(300))
        {
            Assert.Equal(model.LogOdds(row), loaded.LogOdds(row));
        }
    }

    [Fact]
    public void A_tree_whose_child_points_backwards_is_refused_on_load()
    {
        // Node 1 pointing back at node 0 would loop forever when scoring.
        var error = Assert.Throws<ArgumentException>(() => new BoostedTree([0, 0, -1], [0.5, 0.5, 0], [1, 0, -1], [2, 2, -1], [0, 0, 0]));
        Assert.Contains("Node 1", error.Message);
    }

    [Fact]
    public void Scoring_allocates_nothing()
    {
        var (rows, labels) = SyntheticRows.Xor(1_000, 4, seed: 13);
        var model = GradientBoostingTrainer.Fit(XorNames, rows, labels, new GradientBoostingOptions { Trees = 10, Seed = 1 });
        var row = rows[0];
        var contributions = new double[4];
        model.Probability(row);
        model.Contributions(row, contributions);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += model.Probability(row);
            model.Contributions(row, contributions);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    [Fact]
    public void A_missing_value_is_refused_naming_its_row_and_feature()
    {
        var (rows, labels) = SyntheticRows.Xor(200, 4, seed: 14);
        rows[17][2] = double.NaN;

        var error = Assert.Throws<ArgumentException>(() => GradientBoostingTrainer.Fit(XorNames, rows, labels, new GradientBoostingOptions()));

        Assert.Contains("Row 17, feature 'noise1'", error.Message);
    }

    [Theory]
    [InlineData(0, 3, 0.1, 64, 1.0, "Trees")]
    [InlineData(10, 0, 0.1, 64, 1.0, "MaxDepth")]
    [InlineData(10, 3, 0.0, 64, 1.0, "LearningRate")]
    [InlineData(10, 3, 0.1, 300, 1.0, "Bins")]
    [InlineData(10, 3, 0.1, 64, 1.5, "Subsample")]
    public void Options_out_of_range_are_refused_naming_the_option(int trees, int depth, double rate, int bins, double subsample, string named)
    {
        var (rows, labels) = SyntheticRows.Xor(200, 4, seed: 15);
        var options = new GradientBoostingOptions { Trees = trees, MaxDepth = depth, LearningRate = rate, Bins = bins, Subsample = subsample };

        var error = Assert.Throws<ArgumentException>(() => GradientBoostingTrainer.Fit(XorNames, rows, labels, options));

        Assert.Contains(named, error.Message);
    }
}
