using Analytics.Models.Forecasting;
using Dapper;
using static Analytics.Models.Tests.Forecasting.ForecastDataset;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>The forecast on <see cref="ForecastDataset"/>, every figure computed by hand in the dataset's remarks.</summary>
public sealed class PipelineForecasterTests(ForecastDatasetFixture dataset) : IClassFixture<ForecastDatasetFixture>
{
    private const double Cent = 0.005;

    [Fact]
    public void Train_fits_the_hand_computed_rates_with_empty_cells_falling_back_to_the_pooled_rate()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var model = new PipelineForecaster(Settings).Train(build.Context, out _);
        var p = model.Parameters;

        Assert.Equal(3.0 / 7, p.OverallRate, 12);
        Assert.Equal(["2025-Q4", "2026-Q1"], p.QuartersObserved);
        Assert.Equal(S3, p.OutcomesKnownBy);
        AssertRate(p, "reseller", 1, 3, observations: 2, won: 2, rate: 73.0 / 84, stageRate: 31.0 / 42, motionRate: 10.0 / 21);
        AssertRate(p, "reseller", 2, 3, observations: 2, won: 0, rate: 5.0 / 42, stageRate: 5.0 / 21, motionRate: 10.0 / 21);
        AssertRate(p, "referral", 1, 3, observations: 2, won: 0, rate: 13.0 / 140, stageRate: 13.0 / 70, motionRate: 13.0 / 35);
        AssertRate(p, "referral", 2, 3, observations: 1, won: 1, rate: 227.0 / 315, stageRate: 61.0 / 105, motionRate: 13.0 / 35);

        // Empty cells: a bucket never observed takes its stage's pooled rate, a stage never observed the motion's.
        AssertRate(p, "reseller", 1, 0, observations: 0, won: 0, rate: 31.0 / 42, stageRate: 31.0 / 42, motionRate: 10.0 / 21);
        AssertRate(p, "reseller", 3, 3, observations: 0, won: 0, rate: 10.0 / 21, stageRate: 10.0 / 21, motionRate: 10.0 / 21);
        Assert.Equal(7 * 5 * 2, p.Rates.Count); // 7 buckets × stages 1-5 × 2 motions

        var reseller = Assert.Single(p.NewPipeline, n => n.Motion == "reseller" && n.TimeLeftBucket == 3);
        Assert.Equal((2, 90L, 2_835_000.0, 2_500.0), (reseller.Snapshots, reseller.DaysLeft, reseller.PipelineArrDays, reseller.NewArr));
        Assert.Equal(3_000.0 / 2_835_000, Assert.Single(p.NewPipeline, n => n.Motion == "referral" && n.TimeLeftBucket == 3).Rate, 15);
    }

    [Fact]
    public void Score_writes_the_hand_computed_forecast_of_the_current_quarter()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var forecaster = new PipelineForecaster(Settings);
        forecaster.Score(build.Context, forecaster.Train(build.Context, out _));

        var rows = Rows(build, "forecast");
        Assert.Equal(["all", "referral", "reseller"], rows.Select(r => r.Motion));
        var reseller = rows.Single(r => r.Motion == "reseller");
        Assert.Equal(("2026-Q2", Iso(S3), (int?)45, 2L), (reseller.FiscalQuarter, reseller.ForecastSnapshotDate, reseller.DaysLeft, reseller.OpenDeals));
        Assert.Equal(0, reseller.WonToDateArr);
        Assert.Equal(42_000, reseller.OpenPipelineArr);
        Assert.Equal(120_000.0 / 21 + 2_190_000.0 / 84, reseller.ExpectedFromOpenArr, Cent);
        Assert.Equal(130_000.0 / 63, reseller.ExpectedFromNewArr, Cent);
        Assert.Equal(8_530_000.0 / 252, reseller.ForecastArr!.Value, Cent);
        Assert.Equal(30_500, reseller.NaiveArr);

        var referral = rows.Single(r => r.Motion == "referral");
        Assert.Equal(7_000, referral.WonToDateArr);
        Assert.Equal(7_000 + 2_270_000.0 / 315 + 156_000.0 / 63, referral.ForecastArr!.Value, Cent);

        var all = rows.Single(r => r.Motion == "all");
        Assert.Equal(8_530_000.0 / 252 + 7_000 + 2_270_000.0 / 315 + 156_000.0 / 63, all.ForecastArr!.Value, 0.011);
        Assert.Equal(52_000, all.OpenPipelineArr);
        Assert.Equal(36_500, all.NaiveArr);
        Assert.All(rows, r => Assert.Null(r.ActualArr));
        Assert.All(rows, r => Assert.Null(r.AbsPctError));
    }

    [Fact]
    public void Backtest_replays_the_previous_quarter_from_what_was_known_then_and_beats_the_naive_baseline()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var forecaster = new PipelineForecaster(Settings);
        var model = forecaster.Train(build.Context, out var evaluations);
        forecaster.Score(build.Context, model);

        var q1 = Rows(build, "backtest").Where(r => r.FiscalQuarter == "2026-Q1").ToList();
        var all = q1.Single(r => r.Motion == "all");
        Assert.Equal((Iso(S1), Iso(S1), 3L), (all.ForecastSnapshotDate, all.OutcomesKnownBy, all.TrainingObservations));
        Assert.Equal(20_000 + 220_000.0 / 27, q1.Single(r => r.Motion == "reseller").ForecastArr!.Value, Cent);
        Assert.Equal(6_000 * 2.0 / 9 + 2_000 * 8.0 / 81 + 2_400, q1.Single(r => r.Motion == "referral").ForecastArr!.Value, Cent);
        Assert.Equal(2_400, q1.Single(r => r.Motion == "referral").ExpectedFromNewArr, Cent);
        Assert.Equal(36_500, all.ActualArr);
        Assert.Equal(17_000, all.NaiveArr);
        Assert.Equal(100 * (36_500 - (20_000 + 220_000.0 / 27 + 6_000 * 2.0 / 9 + 2_000 * 8.0 / 81 + 2_400)) / 36_500, all.AbsPctError!.Value, 4);
        Assert.Equal(100 * 19_500.0 / 36_500, all.NaiveAbsPctError!.Value, 9);

        // 2025-Q4: forecast from its earliest snapshot with no outcome known yet: won to date only, not in the MAPE.
        var q4 = Rows(build, "backtest").Single(r => r.FiscalQuarter == "2025-Q4" && r.Motion == "all");
        Assert.Equal((Iso(S0), 0L, 4_000.0, 17_000.0, 0.0), (q4.ForecastSnapshotDate, q4.TrainingObservations, q4.ForecastArr!.Value, q4.ActualArr!.Value, q4.NaiveArr!.Value));
        Assert.Contains("excluded from the MAPE", q4.Note);

        var mape = Assert.Single(evaluations, e => e.Metric == "mape");
        Assert.Equal((all.AbsPctError!.Value, 1L, "back-test 2026-Q1..2026-Q1"), (mape.Value, mape.Rows, mape.Window));
        Assert.Equal(100 * 19_500.0 / 36_500, Assert.Single(evaluations, e => e.Metric == "naive_mape").Value, 9);
        Assert.True(mape.Value < evaluations.Single(e => e.Metric == "naive_mape").Value);
        Assert.Equal(["back-test 2026-Q1"], evaluations.Where(e => e.Metric == "abs_pct_error").Select(e => e.Window)); // 2025-Q4 had no history
        Assert.True(model.IsThin);
        Assert.Equal(12.1123, model.Metrics["mape"], 4);
    }

    [Fact]
    public void The_nested_backtest_forecasts_a_quarter_with_no_scored_quarter_before_it_with_the_default_settings()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        new PipelineForecaster(Settings).Train(build.Context, out var evaluations);

        var plain = Assert.Single(evaluations, e => e.Metric == "mape");
        var nested = evaluations.Where(e => e.Metric == "nested_mape").ToList();
        Assert.Contains(nested, e => e.Window.StartsWith("nested back-test day ", StringComparison.Ordinal));
        Assert.All(nested, e => Assert.Contains("2026-Q1: default (no earlier quarter scored: default)", e.Detail));
        Assert.All(evaluations.Where(e => e.Metric == "nested_naive_mape"), e => Assert.Equal(100 * 19_500.0 / 36_500, e.Value, 9));
        Assert.Contains(nested, e => e.Window == "nested back-test day 45" && Math.Abs(e.Value - plain.Value) < 1e-9);
    }

    [Fact]
    public void Backtest_actuals_and_won_to_date_equal_the_partner_arr_mart()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var forecaster = new PipelineForecaster(Settings);
        forecaster.Score(build.Context, forecaster.Train(build.Context, out _));

        var mismatches = build.Connection.Query<string>(
            """
            with mart as (
                select fiscal_quarter, motion, sum(sourced_arr) as arr from marts.partner_arr_quarterly group by all
                union all
                select fiscal_quarter, 'all', sum(sourced_arr) from marts.partner_arr_quarterly group by all
            )
            select f.fiscal_quarter || ' ' || f.motion
            from scores.forecast as f
            left join mart as m on m.fiscal_quarter = f.fiscal_quarter and m.motion = f.motion
            where (f.kind = 'backtest' and f.actual_arr is distinct from coalesce(m.arr, 0))
               or (f.kind = 'forecast' and f.won_to_date_arr is distinct from coalesce(m.arr, 0))
            """).ToList();
        Assert.Empty(mismatches);
        Assert.Equal(36_500, build.Connection.ExecuteScalar<double>("select actual_arr::double from scores.forecast where kind = 'backtest' and fiscal_quarter = '2026-Q1' and motion = 'all'"));
    }

    [Fact]
    public void A_backtest_equals_the_forecast_made_when_later_snapshots_did_not_exist()
    {
        // Back-test of 2026-Q1 with every snapshot landed ...
        using var later = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var forecaster = new PipelineForecaster(Settings);
        forecaster.Score(later.Context, forecaster.Train(later.Context, out _));
        var replayed = Rows(later, "backtest").Where(r => r.FiscalQuarter == "2026-Q1").OrderBy(r => r.Motion).ToList();

        // ... and the live forecast at S1 on a lake where S2 and S3 (and the outcomes they carry) were deleted.
        using var then = new ScoringBuild(dataset.UpToS1, S1, ConfigYaml);
        var model = forecaster.Train(then.Context, out _);
        forecaster.Score(then.Context, model);
        var live = Rows(then, "forecast").OrderBy(r => r.Motion).ToList();

        Assert.Equal(S1, model.Parameters.OutcomesKnownBy);
        Assert.Equal(["2025-Q4"], model.Parameters.QuartersObserved);
        Assert.Equal(
            live.Select(r => (r.Motion, r.WonToDateArr, r.OpenPipelineArr, r.ExpectedFromOpenArr, r.ExpectedFromNewArr, r.ForecastArr)),
            replayed.Select(r => (r.Motion, r.WonToDateArr, r.OpenPipelineArr, r.ExpectedFromOpenArr, r.ExpectedFromNewArr, r.ForecastArr)));
    }

    [Fact]
    public void Every_column_of_the_forecast_tables_is_described_in_the_catalog()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var forecaster = new PipelineForecaster(Settings);
        forecaster.Score(build.Context, forecaster.Train(build.Context, out _));

        foreach (var table in new[] { "forecast", "forecast_conversion_rates", "forecast_new_pipeline" })
        {
            var columns = build.Connection.ExecuteScalar<long>("select count(*) from information_schema.columns where table_schema = 'scores' and table_name = $table", new { table });
            var described = build.Connection.ExecuteScalar<long>(
                "select count(*) from catalog.columns where model_name = $name and length(description) > 10", new { name = "scores." + table });
            Assert.True(columns > 5);
            Assert.Equal(columns, described);
            Assert.Equal(1, build.Connection.ExecuteScalar<long>("select count(*) from catalog.models where model_name = $name", new { name = "scores." + table }));
        }

        Assert.Equal(70, build.Connection.ExecuteScalar<long>("select count(*) from scores.forecast_conversion_rates"));
        Assert.Equal("prove_value", build.Connection.ExecuteScalar<string>("select stage from scores.forecast_conversion_rates where motion = 'referral' and stage_index = 3 limit 1"));
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_version()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var first = new PipelineForecaster(Settings).Train(build.Context, out _);
        var second = new PipelineForecaster(Settings).Train(build.Context, out _);

        Assert.Equal(first.Version, second.Version);
        Assert.StartsWith("pipeline_forecast-20260516-", first.Version);
        Assert.Equal(("pipeline_forecast", "stage_conversion"), (first.Model, first.Kind));
        Assert.NotEqual(first.Version, new PipelineForecaster(Settings with { PseudoCount = 3 }).Train(build.Context, out _).Version);
    }

    private static void AssertRate(ForecastParameters p, string motion, int stage, int bucket, long observations, long won, double rate, double stageRate, double motionRate)
    {
        var row = Assert.Single(p.Rates, r => r.Motion == motion && r.StageIndex == stage && r.TimeLeftBucket == bucket);
        Assert.Equal((observations, won), (row.Observations, row.WonObservations));
        Assert.Equal(rate, row.Rate, 12);
        Assert.Equal(stageRate, row.StageRate, 12);
        Assert.Equal(motionRate, row.MotionRate, 12);
    }

    private static List<ForecastTableRow> Rows(ScoringBuild build, string kind) =>
        build.Connection.Query<ForecastTableRow>(
            ForecastTableRow.Select + " where kind = $kind order by fiscal_quarter desc, motion", new { kind }).ToList();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
