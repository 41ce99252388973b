using Analytics.Models.Forecasting;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>Reading a rate for a (motion, stage, days left), by hand-made parameters.</summary>
public sealed class ForecastParametersTests
{
    // tech stage 1: bucket 0 (0-29 days) sits at 10 days left with rate 0.2, bucket 1 at 40 with 0.5, bucket 2 at 75 with 0.6.
    private static readonly ForecastParameters Parameters = new(
        new ForecastSettings(TimeLeftBucketDays: 30, TimeLeftBuckets: 3),
        new DateOnly(2026, 6, 30), ["2026-Q1"], ["2026-Q1"], 0.33,
        [
            Rate(1, 0, 10, 0.2), Rate(1, 1, 40, 0.5), Rate(1, 2, 75, 0.6),
        ],
        []);

    [Theory]
    [InlineData(0, 0.0)]                          // nothing open at the end of the quarter's last day closes in it
    [InlineData(5, 0.1)]                          // 0.2 × 5 / 10
    [InlineData(10, 0.2)]
    [InlineData(25, 0.35)]                        // 0.2 + (0.5 - 0.2) × 15 / 30
    [InlineData(40, 0.5)]
    [InlineData(60, 0.5 + 0.1 * 20 / 35)]
    [InlineData(80, 0.6)]                         // flat after the last bucket's mean
    [InlineData(91, 0.6)]
    public void A_rate_is_read_between_the_buckets_by_days_left(int daysLeft, double expected) =>
        Assert.Equal(expected, Parameters.RateFor("tech", 1, daysLeft), 12);

    [Theory]
    [InlineData(5, 0.2)]
    [InlineData(25, 0.2)]
    [InlineData(30, 0.5)]
    [InlineData(80, 0.6)]
    public void Without_interpolation_a_rate_is_its_buckets(int daysLeft, double expected) =>
        Assert.Equal(expected, (Parameters with { Settings = Parameters.Settings with { InterpolateDaysLeft = false } }).RateFor("tech", 1, daysLeft), 12);

    [Fact]
    public void An_unseen_stage_takes_the_motion_rate_and_an_unseen_motion_the_overall_rate()
    {
        Assert.Equal(0.4, Parameters.RateFor("tech", 4, 40));
        Assert.Equal(0.33, Parameters.RateFor("marketplace", 1, 40));
    }

    private static ConversionRate Rate(int stage, int bucket, double meanDaysLeft, double rate) =>
        new("tech", stage, bucket, 10, 5, 3, meanDaysLeft, 1_000, 300, rate, 0.45, 0.4, rate);
}
