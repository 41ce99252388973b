using Analytics.Models.Learning;

namespace Analytics.Models.Tests.Learning;

public sealed class StandardizerTests
{
    [Fact]
    public void Means_and_population_standard_deviations_are_fitted_per_feature()
    {
        // Feature a: 1, 3, 5 → mean 3, variance (4 + 0 + 4) / 3 = 8/3.
        // Feature b: 10, 10, 10 → mean 10, no variation → scale 1.
        var standardizer = Standardizer.Fit([[1, 10], [3, 10], [5, 10]]);

        Assert.Equal([3.0, 10.0], standardizer.Means);
        Assert.Equal(Math.Sqrt(8.0 / 3.0), standardizer.Scales[0], 1e-12);
        Assert.Equal(1.0, standardizer.Scales[1]);
    }

    [Fact]
    public void Weights_count_a_row_as_that_many_copies()
    {
        // Weights 1, 3 on values 0, 4 → like 0, 4, 4, 4: mean 3, variance (9 + 1 + 1 + 1) / 4 = 3.
        var standardizer = Standardizer.Fit([[0.0], [4.0]], [1.0, 3.0]);

        Assert.Equal(3.0, standardizer.Means[0], 1e-12);
        Assert.Equal(Math.Sqrt(3.0), standardizer.Scales[0], 1e-12);
    }

    [Fact]
    public void Transform_centres_and_scales_each_value()
    {
        var standardizer = new Standardizer([3.0, 10.0], [2.0, 1.0]);
        Span<double> z = stackalloc double[2];

        standardizer.Transform([7.0, 8.0], z);

        Assert.Equal(2.0, z[0]); // (7 − 3) / 2
        Assert.Equal(-2.0, z[1]); // (8 − 10) / 1
    }

    [Fact]
    public void Transform_refuses_a_row_of_the_wrong_length()
    {
        var standardizer = new Standardizer([3.0, 10.0], [2.0, 1.0]);

        Assert.Throws<ArgumentException>(() => standardizer.Transform([1.0], new double[2]));
    }
}
