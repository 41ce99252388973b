using Analytics.Models.Forecasting;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>The shrinkage and the new-pipeline allowance on hand-made aggregates (no warehouse).</summary>
public sealed class ConversionFitTests
{
    private static readonly ForecastSettings Settings = new(PseudoCount: 4, TimeLeftBucketDays: 30, TimeLeftBuckets: 3);

    [Theory]
    [InlineData(0, null, 0.3, 4, 0.3)]        // nothing observed: the prior
    [InlineData(4, 1.0, 0.5, 4, 0.75)]        // (4 × 1 + 4 × 0.5) / 8
    [InlineData(12, 0.25, 0.5, 4, 0.3125)]    // (12 × 0.25 + 4 × 0.5) / 16 = 5 / 16
    [InlineData(10, 0.8, 0.2, 0, 0.8)]        // no pseudo-count: the observed rate
    public void Shrink_weighs_the_observed_rate_against_its_prior(long observations, double? observed, double prior, double pseudoCount, double expected) =>
        Assert.Equal(expected, ConversionFit.Shrink(observations, observed, prior, pseudoCount), 12);

    [Fact]
    public void An_empty_cell_falls_back_to_the_pooled_stage_rate_and_an_unseen_stage_to_the_motion_rate()
    {
        // tech stage 2: bucket 0 has 6 observations, 3 won; bucket 2 has 2, 2 won; bucket 1 is empty. tech stage 1: 4, 0 won.
        // overall 5/12; tech = (12 × 5/12 + 4 × 5/12) / 16 = 5/12 (the motion is all there is)
        // stage 2 pooled: 8 observations, 5 won -> (8 × 5/8 + 4 × 5/12) / 12 = (5 + 5/3) / 12 = 5/9
        // bucket 1 (empty) = 5/9; bucket 0 = (6 × 1/2 + 4 × 5/9) / 10 = (3 + 20/9) / 10 = 47/90
        // stage 1: pooled 4 observations, 0 won -> (4 × 5/12) / 8 = 5/24; its bucket 0 = (4 × 5/24) / 8 = 5/48
        // stage 4 (never observed) = stage rate = motion rate 5/12 in every bucket
        ConversionCell[] cells =
        [
            new("tech", 2, 0, 6, 3, 3, 20, 6_000, 3_000),
            new("tech", 2, 2, 2, 2, 2, 70, 2_000, 2_000),
            new("tech", 1, 0, 4, 4, 0, 15, 4_000, 0),
        ];
        var p = ConversionFit.Fit(cells, [], [], new DateOnly(2026, 6, 30), Settings);

        Assert.Equal(5.0 / 12, p.OverallRate, 12);
        Assert.Equal(5.0 / 9, Rate(p, 2, 1).Rate, 12);
        Assert.Null(Rate(p, 2, 1).ObservedRate);
        Assert.Equal(44.5, Rate(p, 2, 1).MeanDaysLeft); // an empty bucket sits at its midpoint: (30 + 59) / 2
        Assert.Equal(47.0 / 90, Rate(p, 2, 0).Rate, 12);
        Assert.Equal(20, Rate(p, 2, 0).MeanDaysLeft);
        Assert.Equal(5.0 / 48, Rate(p, 1, 0).Rate, 12);
        Assert.Equal(5.0 / 24, Rate(p, 1, 2).Rate, 12);
        Assert.All(new[] { 0, 1, 2 }, b => Assert.Equal(5.0 / 12, Rate(p, 4, b).Rate, 12));
        Assert.Equal(5 * 3, p.Rates.Count);
    }

    [Fact]
    public void The_new_pipeline_allowance_is_new_arr_over_pipeline_arr_days_from_matured_quarters_only()
    {
        // A 2026-01-10 (80 days left, bucket 2) and B 2026-02-20 (39 days left, bucket 1) matured at 2026-04-04; C (Q2) did not.
        // new = quarter won - won to date - realized: A tech 9,000 - 0 - 4,000 = 5,000; B tech 9,000 - 2,000 - 3,000 = 4,000,
        // B referral 1,000 - 0 - 0 = 1,000. Exposure: bucket 2 = 80 × 10,000 (A's open) = 800,000; bucket 1 = 39 × (8,000 + 2,000) = 390,000.
        var maturity = new DateOnly(2026, 4, 4);
        ForecastSnapshot[] snapshots =
        [
            new(new DateOnly(2026, 1, 10), "2026-Q1", 80, 2, maturity),
            new(new DateOnly(2026, 2, 20), "2026-Q1", 39, 1, maturity),
            new(maturity, "2026-Q2", 87, 2, null),
        ];
        MaturedPosition[] matured =
        [
            new(new DateOnly(2026, 1, 10), "2026-Q1", maturity, 80, 2, "tech", 10_000, 0, 4_000, 9_000),
            new(new DateOnly(2026, 2, 20), "2026-Q1", maturity, 39, 1, "tech", 8_000, 2_000, 3_000, 9_000),
            new(new DateOnly(2026, 2, 20), "2026-Q1", maturity, 39, 1, "referral", 2_000, 0, 0, 1_000),
        ];
        var p = ConversionFit.Fit([], snapshots, matured, maturity, Settings);

        Assert.Equal(["2026-Q1"], p.NewPipelineQuarters);
        var tech2 = Assert.Single(p.NewPipeline, n => n.Motion == "tech" && n.TimeLeftBucket == 2);
        Assert.Equal((1L, 80L, 800_000.0, 5_000.0, 1.0 / 160), (tech2.Snapshots, tech2.DaysLeft, tech2.PipelineArrDays, tech2.NewArr, tech2.Rate));
        Assert.Equal(4_000.0 / 390_000, Assert.Single(p.NewPipeline, n => n.Motion == "tech" && n.TimeLeftBucket == 1).Rate, 15);
        Assert.Equal(0, Assert.Single(p.NewPipeline, n => n.Motion == "referral" && n.TimeLeftBucket == 2).Rate);
        Assert.Equal(0, Assert.Single(p.NewPipeline, n => n.Motion == "tech" && n.TimeLeftBucket == 0).PipelineArrDays);

        // 50 days left (bucket 1) with 20,000 open: 4,000 / 390,000 × 20,000 × 50
        Assert.Equal(4_000.0 / 390_000 * 20_000 * 50, p.NewPipelineAllowance("tech", 50, 20_000), 9);
        Assert.Equal(0, p.NewPipelineAllowance("marketplace", 50, 20_000));

        // A day before the quarter's outcome was read, nothing is known.
        var before = ConversionFit.Fit([], snapshots, matured, maturity.AddDays(-1), Settings);
        Assert.Empty(before.NewPipeline);
        Assert.Empty(before.NewPipelineQuarters);
    }

    [Fact]
    public void Arr_weighting_divides_won_arr_by_arr_and_falls_back_to_counts_for_zero_arr_cells()
    {
        var arr = Settings with { Weighting = ConversionWeighting.Arr };
        Assert.Equal(0.25, ConversionFit.Observed(arr, [new ConversionCell("tech", 1, 0, 2, 2, 1, 10, 40_000, 10_000)]));
        Assert.Equal(0.5, ConversionFit.Observed(arr, [new ConversionCell("tech", 1, 0, 2, 2, 1, 10, 0, 0)]));
        Assert.Equal(0.5, ConversionFit.Observed(Settings, [new ConversionCell("tech", 1, 0, 2, 2, 1, 10, 40_000, 10_000)]));
        Assert.Null(ConversionFit.Observed(Settings, []));
    }

    private static ConversionRate Rate(ForecastParameters p, int stage, int bucket) =>
        Assert.Single(p.Rates, r => r.Motion == "tech" && r.StageIndex == stage && r.TimeLeftBucket == bucket);
}
