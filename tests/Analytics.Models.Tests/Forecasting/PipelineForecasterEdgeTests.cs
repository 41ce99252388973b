using System.Text.Json;
using Analytics.Models.Forecasting;
using Analytics.Models.Scoring;
using Dapper;
using static Analytics.Models.Tests.Forecasting.ForecastDataset;
using Analytics.TestSupport.Files;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>The forecast with no history yet, and its model file on disk.</summary>
public sealed class PipelineForecasterEdgeTests(ForecastDatasetFixture dataset) : IClassFixture<ForecastDatasetFixture>
{
    [Fact]
    public void With_a_single_snapshot_the_forecast_is_what_is_already_won_and_the_model_is_flagged_thin()
    {
        using var warehouse = BuildUpTo(S0);
        using var build = new ScoringBuild(warehouse, S0, ConfigYaml);
        var forecaster = new PipelineForecaster(Settings);
        var model = forecaster.Train(build.Context, out var evaluations);
        forecaster.Score(build.Context, model);

        Assert.True(model.IsThin);
        Assert.Empty(model.Parameters.Rates);
        Assert.Empty(evaluations);
        Assert.False(model.Metrics.ContainsKey("mape"));

        // 2025-Q4 at S0: d0 won 4,000; a1, a2, a3 open (35,000) with no rate yet.
        var all = build.Connection.QuerySingle<(double Forecast, double Open, long Observations)>(
            "select forecast_arr::double, open_pipeline_arr::double, training_observations from scores.forecast where kind = 'forecast' and motion = 'all'");
        Assert.Equal((4_000.0, 35_000.0, 0L), all);
        var notes = build.Connection.Query<string>("select note from scores.forecast where kind = 'backtest' and motion = 'all' order by fiscal_quarter").ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.StartsWith("no landed snapshot in ", n));
    }

    [Fact]
    public void The_model_file_round_trips_through_the_model_store()
    {
        using var build = new ScoringBuild(dataset.All, S3, ConfigYaml);
        var model = new PipelineForecaster(Settings).Train(build.Context, out var evaluations);
        using var folder = new TempDirectory();
        var store = new ModelStore(folder.Path);
        store.Save(model);
        store.RecordEvaluations(evaluations);

        var loaded = store.Load<ForecastParameters>(PipelineForecaster.ModelName)!;
        Assert.Equal(model.Version, loaded.Version);
        Assert.Equal(JsonSerializer.Serialize(model.Parameters, ModelStore.Json), JsonSerializer.Serialize(loaded.Parameters, ModelStore.Json));
        Assert.Equal(model.Version, ModelStore.Version(PipelineForecaster.ModelName, S3, loaded.Parameters));
        Assert.Contains("\"weighting\": \"count\"", File.ReadAllText(store.CurrentFile(PipelineForecaster.ModelName)));
        Assert.Equal(evaluations.Count, store.ReadEvaluations().Count);
    }
}
