using Analytics.Models.Forecasting;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>Summing a quarter's forecast from its parts, on hand-made parameters.</summary>
public sealed class ForecastProjectionTests
{
    // tech stage 2 at rate 0.5 wherever it is read (one bucket, no interpolation); allowance +0.001 for tech and -0.001
    // for unspecified per ARR of open pipeline (every motion) and day left. Overall rate 0.1.
    private static readonly ForecastParameters Parameters = new(
        new ForecastSettings(TimeLeftBuckets: 1, InterpolateDaysLeft: false),
        new DateOnly(2026, 6, 30), ["2026-Q1"], ["2026-Q1"], 0.1,
        [new ConversionRate("tech", 2, 0, 10, 5, 5, 40, 1_000, 500, 0.5, 0.5, 0.5, 0.5)],
        [new NewPipelineRate("tech", 0, 10, 400, 1e6, 1_000, 0.001), new NewPipelineRate("unspecified", 0, 10, 400, 1e6, -1_000, -0.001)]);

    // tech: won 3,000 (stage 6 row); open stage 2 8,000. unspecified: open stage 1 2,000 (motion never observed).
    private static readonly PipelineCell[] Pipeline =
        [new("tech", 2, 2, 8_000, 0, 0), new("tech", 6, 0, 0, 1, 3_000), new("unspecified", 1, 1, 2_000, 0, 0)];

    [Fact]
    public void A_forecast_is_won_to_date_plus_open_pipeline_times_its_rate_plus_the_allowance()
    {
        // tech = 3,000 + 8,000 × 0.5 + 0.001 × 10,000 × 20 = 3,000 + 4,000 + 200 = 7,200
        // unspecified = 0 + 2,000 × 0.1 + max(-0.001 × 10,000 × 20, -200) = 200 - 200 = 0; all = 7,200
        var rows = ForecastProjection.Project(Parameters, Pipeline, "2026-Q2", "forecast", new DateOnly(2026, 6, 10), 20, 10);

        Assert.Equal(["tech", "unspecified", "all"], rows.Select(r => r.Motion));
        Assert.Equal(3_000, rows[0].WonToDateArr);
        Assert.Equal(4_000, rows[0].ExpectedFromOpenArr, 9);
        Assert.Equal(200, rows[0].ExpectedFromNewArr, 9);
        Assert.Equal(7_200, rows[0].ForecastArr!.Value, 9);
        Assert.Equal(200, rows[1].ExpectedFromOpenArr, 9);
        Assert.Equal(0, rows[1].ForecastArr!.Value, 9);
        Assert.Equal((3L, 10_000.0), (rows[2].OpenDeals, rows[2].OpenPipelineArr));
        Assert.Equal(7_200, rows[2].ForecastArr!.Value, 9);
    }

    [Fact]
    public void A_negative_allowance_never_takes_a_motion_below_what_it_has_already_won()
    {
        // 40 days left: unspecified's allowance -0.001 × 10,000 × 40 = -400 is floored at -200 (its expected from open).
        var rows = ForecastProjection.Project(Parameters, Pipeline, "2026-Q2", "forecast", new DateOnly(2026, 5, 21), 40, 10);

        Assert.Equal(-200, rows[1].ExpectedFromNewArr, 9);
        Assert.Equal(0, rows[1].ForecastArr!.Value, 9);
        Assert.Equal(400, rows[0].ExpectedFromNewArr, 9);
    }
}
