using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Transforms;
using Dapper;

namespace Analytics.Models.Forecasting;

/// <summary>
/// Writes <c>scores.forecast</c>, <c>scores.forecast_conversion_rates</c> and <c>scores.forecast_new_pipeline</c>, and records
/// them in the catalog with the descriptions of their YAML (pipelines/transforms/tables/scores/).
/// </summary>
internal static class ForecastTables
{
    public const string Forecast = "scores.forecast";
    public const string ConversionRates = "scores.forecast_conversion_rates";
    public const string NewPipeline = "scores.forecast_new_pipeline";

    private static readonly string[] Sources = ["staging.opportunities_as_of", "intermediate.credited_arr_by_snapshot", "marts.partner_arr_quarterly"];

    /// <summary>Replaces the three tables with <paramref name="rows"/> and the model's parameters, and records them in the catalog.</summary>
    public static void Write(ScoringContext context, IReadOnlyList<ForecastRow> rows, ModelFile<ForecastParameters> model)
    {
        var connection = context.Connection;
        var scoredAt = context.ScoredAt;
        connection.Execute(EmbeddedSql.Read(typeof(ForecastHistory), "scores_forecast"));
        connection.Execute(EmbeddedSql.Read(typeof(ForecastHistory), "scores_forecast_conversion_rates"));
        connection.Execute(EmbeddedSql.Read(typeof(ForecastHistory), "scores_forecast_new_pipeline"));

        using (var appender = connection.CreateAppender("scores", "forecast"))
        {
            foreach (var r in rows)
            {
                appender.CreateRow().AppendValue(r.FiscalQuarter).AppendValue(r.Motion).AppendValue(r.Kind).AppendValue(r.ForecastSnapshotDate).AppendValue(r.DaysLeft)
                    .AppendValue(r.OutcomesKnownBy).AppendValue(r.TrainingObservations).AppendValue(r.OpenDeals)
                    .AppendValue(Money(r.WonToDateArr)).AppendValue(Money(r.OpenPipelineArr)).AppendValue(Money(r.ExpectedFromOpenArr)).AppendValue(Money(r.ExpectedFromNewArr))
                    .AppendValue(Money(r.ForecastArr)).AppendValue(Money(r.ActualArr)).AppendValue(Percent(r.AbsPctError))
                    .AppendValue(Money(r.NaiveArr)).AppendValue(Percent(r.NaiveAbsPctError)).AppendValue(r.Note)
                    .AppendValue(model.Version).AppendValue(scoredAt).EndRow();
            }
        }

        var parameters = model.Parameters;
        var settings = parameters.Settings;
        using (var appender = connection.CreateAppender("scores", "forecast_conversion_rates"))
        {
            foreach (var rate in parameters.Rates)
            {
                appender.CreateRow().AppendValue(rate.Motion).AppendValue(rate.StageIndex).AppendValue(StageName(rate.Motion, rate.StageIndex)).AppendValue(rate.TimeLeftBucket)
                    .AppendValue(settings.BucketLabel(rate.TimeLeftBucket)).AppendValue(rate.Observations).AppendValue(rate.Deals).AppendValue(rate.WonObservations)
                    .AppendValue(Money(rate.SourcedArr)).AppendValue(Money(rate.WonArr)).AppendValue(rate.ObservedRate).AppendValue(rate.StageRate)
                    .AppendValue(rate.MotionRate).AppendValue(rate.Rate).AppendValue(settings.Weighting.ToString().ToLowerInvariant()).AppendValue(settings.PseudoCount)
                    .AppendValue(parameters.OutcomesKnownBy).AppendValue(model.Version).AppendValue(scoredAt).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("scores", "forecast_new_pipeline"))
        {
            var quarters = string.Join(", ", parameters.NewPipelineQuarters);
            foreach (var allowance in parameters.NewPipeline)
            {
                appender.CreateRow().AppendValue(allowance.Motion).AppendValue(allowance.TimeLeftBucket).AppendValue(settings.BucketLabel(allowance.TimeLeftBucket))
                    .AppendValue(allowance.Snapshots).AppendValue(allowance.DaysLeft).AppendValue(allowance.PipelineArrDays).AppendValue(Money(allowance.NewArr)).AppendValue(allowance.Rate)
                    .AppendValue(quarters).AppendValue(parameters.OutcomesKnownBy).AppendValue(model.Version).AppendValue(scoredAt).EndRow();
            }
        }

        Describe(context);
    }

    /// <summary>Money as written: rounded to the cent.</summary>
    public static decimal? Money(double? value) => value is { } v ? Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero) : null;

    private static double? Percent(double? fraction) => fraction * 100;

    private static string? StageName(string motion, int stageIndex) =>
        MotionStages.Motions.Contains(motion) && stageIndex is >= 0 and <= MotionStages.ClosedWonIndex ? MotionStages.StageAt(motion, stageIndex) : null;

    private static void Describe(ScoringContext context)
    {
        foreach (var table in new[] { Forecast, ConversionRates, NewPipeline })
        {
            CatalogTables.Describe(context.Connection, table, Sources, context.RunId);
        }
    }
}
