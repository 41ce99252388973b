using Analytics.Models.Learning;

namespace Analytics.Models.Tests.Learning;

public sealed class LogisticRegressionTrainerTests
{
    // One binary feature, 8 rows: x = 0 → 3 of 4 positive, x = 1 → 1 of 4 positive.
    // Standardised: mean 0.5, population sd 0.5, so z = −1 for x = 0 and +1 for x = 1.
    // With η = b + β·z the gradient is ∂/∂b = 4σ(b−β) + 4σ(b+β) − 4 and ∂/∂β = −(4σ(b−β) − 3) + (4σ(b+β) − 1).
    // b = 0 zeroes the first for every β (σ(−β) + σ(β) = 1); the second is then 4·tanh(β/2) + 2.
    // So with the penalty (λ/2)(β − μ)², the fit solves 4·tanh(β/2) + 2 + λ(β − μ) = 0, intercept 0.
    // λ = 0: tanh(β/2) = −1/2 → β = −ln 3; P(x=0) = σ(ln 3) = 3/4, P(x=1) = σ(−ln 3) = 1/4.
    private static readonly double[][] GroupRows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    private static readonly bool[] GroupLabels = [true, true, true, false, true, false, false, false];
    private static readonly string[] X = ["x"];

    [Fact]
    public void Without_a_penalty_the_fit_recovers_each_groups_log_odds()
    {
        var model = LogisticRegressionTrainer.Fit(X, GroupRows, GroupLabels, new LogisticRegressionOptions { L2 = 0 });

        Assert.Equal(0.75, model.Probability([0.0]), 1e-6);
        Assert.Equal(0.25, model.Probability([1.0]), 1e-6);
        Assert.Equal(0.0, model.Intercept, 1e-6);
        Assert.Equal(-Math.Log(3), model.Coefficients[0], 1e-6);
        Assert.Equal(Math.Log(3), model.PerUnitIntercept(), 1e-6); // raw scale: log-odds at x = 0
        Assert.Equal(-2 * Math.Log(3), model.PerUnitCoefficients()[0], 1e-6); // β / sd = −ln 3 / 0.5
    }

    // Solutions of 4·tanh(β/2) + 2 + λ(β − μ) = 0 by bisection (see above):
    // μ = 0: λ 0.1 → −1.03101, 1 → −0.68362, 10 → −0.16673, 100 → −0.01961, 1000 → −0.00200.
    // μ = 2: λ 0.1 → −0.91288, 1 → 0 (4·tanh 0 + 2 + (0 − 2) = 0), 10 → 1.54110, 100 → 1.94996, 1000 → 1.99496.
    [Theory]
    [InlineData(0.0, 0.1, -1.0310134732728067)]
    [InlineData(0.0, 1.0, -0.6836238387577512)]
    [InlineData(0.0, 10.0, -0.16673086295355663)]
    [InlineData(0.0, 100.0, -0.019607855454743563)]
    [InlineData(2.0, 0.1, -0.9128793631300156)]
    [InlineData(2.0, 1.0, 0.0)]
    [InlineData(2.0, 10.0, 1.5411003039154434)]
    [InlineData(2.0, 1000.0, 1.9949578666476642)]
    public void The_penalised_fit_solves_the_hand_derived_equation(double prior, double l2, double expected)
    {
        var model = LogisticRegressionTrainer.Fit(X, GroupRows, GroupLabels, new LogisticRegressionOptions { L2 = l2, PriorMeans = [prior] });

        Assert.Equal(expected, model.Coefficients[0], 1e-6);
        Assert.Equal(0.0, model.Intercept, 1e-6);
        Assert.Equal([prior], model.PriorMeans);
        Assert.Equal(l2, model.L2);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void A_larger_penalty_moves_the_coefficient_monotonically_toward_the_prior_mean(double prior)
    {
        double[] penalties = [0.01, 0.1, 1, 10, 100, 1000];
        var distances = penalties
            .Select(l2 => LogisticRegressionTrainer.Fit(X, GroupRows, GroupLabels, new LogisticRegressionOptions { L2 = l2, PriorMeans = [prior] }))
            .Select(m => Math.Abs(m.Coefficients[0] - prior))
            .ToList();

        for (var k = 1; k < distances.Count; k++)
        {
            Assert.True(distances[k] < distances[k - 1], $"L2 {penalties[k]}: |β − μ| {distances[k]} is not below {distances[k - 1]}");
        }

        Assert.True(distances[^1] < 0.01);
    }

    [Fact]
    public void With_twenty_rows_the_prior_dominates_and_with_twenty_thousand_the_truth_does()
    {
        // True model on raw standard-normal features: log-odds = −0.3 + 1.0·x1 − 0.5·x2. Same penalty λ = 20, prior 0.
        // Each row adds about p(1−p) ≈ 0.2 of curvature: 20 rows ≈ 4 against λ = 20 (the prior wins),
        // 20,000 rows ≈ 4,000 against 20 (the data win: shrinkage below 1 %, noise sd ≈ 0.016).
        double[] truth = [1.0, -0.5];
        string[] names = ["x1", "x2"];
        var options = new LogisticRegressionOptions { L2 = 20 };
        var (thinRows, thinLabels) = SyntheticRows.Logistic(20, -0.3, truth, seed: 7);
        var (thickRows, thickLabels) = SyntheticRows.Logistic(20_000, -0.3, truth, seed: 7);

        var thin = LogisticRegressionTrainer.Fit(names, thinRows, thinLabels, options).PerUnitCoefficients();
        var thick = LogisticRegressionTrainer.Fit(names, thickRows, thickLabels, options).PerUnitCoefficients();

        for (var j = 0; j < truth.Length; j++)
        {
            Assert.True(Math.Abs(thin[j]) < Math.Abs(thin[j] - truth[j]), $"{names[j]}: thin fit {thin[j]} is nearer the truth than the prior");
            Assert.Equal(truth[j], thick[j], 0.05);
        }
    }

    [Fact]
    public void A_weight_counts_a_row_as_that_many_copies()
    {
        // Rows x = 0 (+, +, +, −) and x = 1 (+, −, −, −) as weighted unique rows: same fit as the 8 rows.
        var weighted = LogisticRegressionTrainer.Fit(X, [[0], [0], [1], [1]], [true, false, true, false],
            new LogisticRegressionOptions { L2 = 1, Weights = [3, 1, 1, 3] });
        var copies = LogisticRegressionTrainer.Fit(X, GroupRows, GroupLabels, new LogisticRegressionOptions { L2 = 1 });

        Assert.Equal(copies.Coefficients[0], weighted.Coefficients[0], 1e-6);
        Assert.Equal(copies.Intercept, weighted.Intercept, 1e-6);
    }

    [Fact]
    public void Separable_data_gets_a_finite_fit_when_penalised()
    {
        double[][] rows = [.. Enumerable.Range(1, 10).Select(x => new double[] { x })];
        bool[] labels = [.. Enumerable.Range(1, 10).Select(x => x > 5)];

        var model = LogisticRegressionTrainer.Fit(X, rows, labels, new LogisticRegressionOptions { L2 = 1 });

        Assert.True(double.IsFinite(model.Coefficients[0]) && model.Coefficients[0] is > 0 and < 10);
        Assert.True(model.Probability([1.0]) < 0.1);
        Assert.True(model.Probability([10.0]) > 0.9);
    }

    [Fact]
    public void A_constant_feature_gets_scale_one_and_stays_at_its_prior()
    {
        double[][] rows = [.. GroupRows.Select(r => new[] { r[0], 7.0 })];

        var model = LogisticRegressionTrainer.Fit(["x", "constant"], rows, GroupLabels,
            new LogisticRegressionOptions { L2 = 0.5, PriorMeans = [0, 0.25] });

        Assert.Equal(1.0, model.Standardizer.Scales[1]);
        Assert.Equal(0.25, model.Coefficients[1], 1e-12);
    }

    [Theory]
    [InlineData(true, "all positive")]
    [InlineData(false, "all negative")]
    public void Labels_of_one_outcome_are_refused(bool label, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LogisticRegressionTrainer.Fit(X, GroupRows, [.. GroupLabels.Select(_ => label)], new LogisticRegressionOptions()));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_missing_value_is_refused_naming_its_row_and_feature(double bad, string shown)
    {
        double[][] rows = [.. GroupRows.Select(r => new[] { r[0], 1.0 + r[0] })];
        rows[3][1] = bad;

        var error = Assert.Throws<ArgumentException>(() =>
            LogisticRegressionTrainer.Fit(["x", "days_in_stage"], rows, GroupLabels, new LogisticRegressionOptions()));

        Assert.Contains("Row 3, feature 'days_in_stage'", error.Message);
        Assert.Contains(shown, error.Message);
    }

    [Fact]
    public void Mismatched_labels_rows_and_priors_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegressionTrainer.Fit(X, GroupRows, [true, false], new LogisticRegressionOptions()));
        Assert.Throws<ArgumentException>(() => LogisticRegressionTrainer.Fit(["x", "y"], GroupRows, GroupLabels, new LogisticRegressionOptions()));
        Assert.Throws<ArgumentException>(() =>
            LogisticRegressionTrainer.Fit(X, GroupRows, GroupLabels, new LogisticRegressionOptions { PriorMeans = [1, 2] }));
        Assert.Throws<ArgumentException>(() => LogisticRegressionTrainer.Fit(X, GroupRows, GroupLabels, new LogisticRegressionOptions { L2 = -1 }));
    }
}
