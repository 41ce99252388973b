using System.Text.Json;
using Analytics.Models.Learning;
using Analytics.Models.Scoring;

namespace Analytics.Models.Tests.Learning;

public sealed class LogisticRegressionModelTests
{
    // Hand-set model: means (10, 0), scales (5, 2), intercept −1, coefficients (0.8, −0.5).
    // Row (20, 1): z = ((20 − 10)/5, (1 − 0)/2) = (2, 0.5); contributions (1.6, −0.25); log-odds −1 + 1.35 = 0.35.
    private static readonly LogisticRegressionModel HandSet = new(
        ["deal_age", "activities"], new Standardizer([10, 0], [5, 2]), -1.0, [0.8, -0.5], 1.0, [0, 0]);

    [Fact]
    public void Log_odds_probability_and_contributions_of_a_hand_set_model()
    {
        var contributions = new double[2];

        HandSet.Contributions([20, 1], contributions);

        Assert.Equal([1.6, -0.25], contributions);
        Assert.Equal(0.35, HandSet.LogOdds([20, 1]), 1e-12);
        Assert.Equal(1 / (1 + Math.Exp(-0.35)), HandSet.Probability([20, 1]), 1e-12);
        Assert.Equal(0.16, HandSet.PerUnitCoefficients()[0], 1e-12); // 0.8 / 5
        Assert.Equal(-2.6, HandSet.PerUnitIntercept(), 1e-12); // −1 − 0.8·10/5 − (−0.5)·0/2
    }

    [Fact]
    public void Contributions_of_a_fitted_model_sum_to_log_odds_minus_intercept()
    {
        var (rows, labels) = SyntheticRows.Logistic(2_000, 0.2, [0.7, -1.2, 0.0], seed: 11);
        var model = LogisticRegressionTrainer.Fit(["a", "b", "c"], rows, labels, new LogisticRegressionOptions());
        var contributions = new double[3];

        foreach (var row in rows.Take(50))
        {
            model.Contributions(row, contributions);
            Assert.Equal(model.LogOdds(row) - model.Intercept, contributions.Sum(), 1e-12);
        }
    }

    [Fact]
    public void Scoring_allocates_nothing()
    {
        var row = new double[] { 20, 1 };
        var contributions = new double[2];
        HandSet.LogOdds(row);
        HandSet.Contributions(row, contributions);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += HandSet.Probability(row);
            HandSet.Contributions(row, contributions);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => HandSet.LogOdds([1.0]));
    }

    [Fact]
    public void The_json_round_trip_predicts_identically()
    {
        var (rows, labels) = SyntheticRows.Logistic(1_000, -0.4, [0.9, 0.3, -0.6], seed: 5);
        var model = LogisticRegressionTrainer.Fit(["a", "b", "c"], rows, labels, new LogisticRegressionOptions { L2 = 2, PriorMeans = [0.1, 0, 0] });

        var json = JsonSerializer.Serialize(model, ModelStore.Json);
        var loaded = JsonSerializer.Deserialize<LogisticRegressionModel>(json, ModelStore.Json)!;

        Assert.Contains("\"feature_names\"", json);
        Assert.Contains("\"prior_means\"", json);
        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
        foreach (var row in rows.Take(200))
        {
            Assert.Equal(model.LogOdds(row), loaded.LogOdds(row));
        }
    }
}
