using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Transforms;
using Dapper;

namespace Analytics.Models.Forecasting;

/// <summary>Writes and describes <c>scores.forecast</c>, <c>scores.forecast_conversion_rates</c> and <c>scores.forecast_new_pipeline</c>.</summary>
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
        CatalogTables.Describe(context.Connection, Forecast,
            "Expected partner-sourced ARR closing in the current fiscal quarter (kind 'forecast') and the same forecast replayed on "
            + "previous quarters (kind 'backtest'): sourced ARR already won in the quarter + open sourced pipeline × its historical "
            + "stage-to-win rate by (motion, stage, days left) + an allowance for deals not yet in the pipeline. Back-tests re-fit the "
            + "method from what was known at their forecast snapshot and are compared with the quarter's actual and a naive baseline "
            + "(the previous quarter's actual). DOMAIN.md \"Scores and forecasts\".",
            "one row per (fiscal_quarter, motion, kind); motion 'all' sums the motions",
            Sources,
            new Dictionary<string, string>
            {
                ["fiscal_quarter"] = "The fiscal quarter forecast, like '2026-Q3' (fiscal.year_start_month).",
                ["motion"] = "The deal's reporting motion ('unspecified' when blank), or 'all' for the sum of the motions.",
                ["kind"] = "'forecast' for the current quarter, 'backtest' for a previous quarter replayed.",
                ["forecast_snapshot_date"] = "The snapshot the forecast was made from: the current one, or for a back-test the latest landed snapshot at the same day-offset into that quarter. Null when the quarter has no snapshot.",
                ["days_left"] = "Days left in the quarter after the forecast snapshot's day (0 on its last day).",
                ["outcomes_known_by"] = "The conversion rates used only snapshots whose quarter's outcome was read on or before this date.",
                ["training_observations"] = "(snapshot, open sourced deal) observations with a known outcome behind the rates; 0 means no history.",
                ["open_deals"] = "Open deals with sourced credit at the forecast snapshot.",
                ["won_to_date_arr"] = "Sourced ARR (credited ARR of 'sourced' partner rows) of deals already closed won in the quarter at the forecast snapshot.",
                ["open_pipeline_arr"] = "Sourced ARR of the deals open at the forecast snapshot, whatever their close_date.",
                ["expected_from_open_arr"] = "Σ open sourced ARR × the conversion rate of its (motion, stage, time-left bucket) (scores.forecast_conversion_rates).",
                ["expected_from_new_arr"] = "Allowance for sourced ARR that will close won in the quarter from deals not in the sourced pipeline at the snapshot (created or credited later): the motion's rate × open sourced ARR of every motion × days_left (scores.forecast_new_pipeline); never below -expected_from_open_arr.",
                ["forecast_arr"] = "won_to_date_arr + expected_from_open_arr + expected_from_new_arr: the expected partner-sourced ARR closing in the quarter.",
                ["actual_arr"] = "The quarter's sourced ARR as marts.partner_arr_quarterly reports it now; null for the current quarter.",
                ["abs_pct_error"] = "|forecast_arr - actual_arr| / actual_arr, in percent; null when the actual is 0 or unknown.",
                ["naive_arr"] = "The naive baseline: the previous quarter's actual sourced ARR (marts.partner_arr_quarterly).",
                ["naive_abs_pct_error"] = "|naive_arr - actual_arr| / actual_arr, in percent; null when the actual is 0 or unknown.",
                ["note"] = "What the rates were fitted on, or why a back-test quarter is not forecast or not counted in the MAPE.",
                ["model_version"] = "The pipeline_forecast model file whose method settings (and, for the current quarter, rates) were used.",
                ["scored_at"] = "When the scoring run started (UTC).",
            },
            context.RunId);

        CatalogTables.Describe(context.Connection, ConversionRates,
            "The stage-to-win conversion rates of partner-sourced pipeline the current forecast uses: the chance (count- or ARR-weighted, column weighting) "
            + "that sourced ARR open at a snapshot closes won by the end of that snapshot's fiscal quarter, by motion, stage and days "
            + "left, shrunk toward the (motion, stage) rate, that toward the motion's and that toward the overall rate (empirical Bayes "
            + "with a pseudo-count), so thin cells stay sensible.",
            "one row per (motion, stage_index, time_left_bucket)",
            Sources,
            new Dictionary<string, string>
            {
                ["motion"] = "The deal's reporting motion at the snapshot ('unspecified' when blank).",
                ["stage_index"] = "The open stage, 1-5 (DOMAIN.md motion stages).",
                ["stage"] = "The stage's name in the motion; null for a motion without named stages ('unspecified').",
                ["time_left_bucket"] = "0 = fewest days left in the quarter after the snapshot day; see time_left.",
                ["time_left"] = "The bucket's days left in words, like '30-59 days'.",
                ["observations"] = "(snapshot, open sourced deal) rows with a known outcome; a deal open over several snapshots counts in each.",
                ["deals"] = "Distinct deals among the observations.",
                ["won_observations"] = "Observations whose deal closed won by the end of the snapshot's quarter.",
                ["sourced_arr"] = "Sourced ARR summed over the observations.",
                ["won_arr"] = "The part of sourced_arr whose deal closed won by the end of the snapshot's quarter.",
                ["observed_rate"] = "The cell's own rate (won_arr / sourced_arr, or won / observations with count weighting); null without observations.",
                ["stage_rate"] = "The (motion, stage) rate over every bucket, shrunk toward motion_rate: the cell's prior.",
                ["motion_rate"] = "The motion's rate over every stage and bucket, shrunk toward the overall rate.",
                ["rate"] = "The rate used: (observations × observed_rate + pseudo_count × stage_rate) / (observations + pseudo_count); stage_rate when empty.",
                ["weighting"] = "arr (won ARR / ARR) or count (won / observations).",
                ["pseudo_count"] = "The prior's weight in observations at every level of the shrinkage.",
                ["outcomes_known_by"] = "Only snapshots whose quarter's outcome was read on or before this date were used.",
                ["model_version"] = "The pipeline_forecast model file the rates come from.",
                ["scored_at"] = "When the scoring run started (UTC).",
            },
            context.RunId);

        CatalogTables.Describe(context.Connection, NewPipeline,
            "The forecast's allowance for partner-sourced ARR won in a quarter from deals that were not in the sourced pipeline at the "
            + "forecast snapshot (created later, or credited later): over every snapshot of the latest quarters with known outcomes, the "
            + "quarter's sourced won ARR minus what was already won and what the open sourced deals went on to win, per ARR of open "
            + "sourced pipeline and day then left.",
            "one row per (motion, time_left_bucket)",
            Sources,
            new Dictionary<string, string>
            {
                ["motion"] = "The deal's reporting motion.",
                ["time_left_bucket"] = "The time-left bucket of the snapshots measured (as in scores.forecast_conversion_rates).",
                ["time_left"] = "The bucket's days left in words.",
                ["snapshots"] = "Snapshots measured: every snapshot of the quarters used that falls in the bucket.",
                ["days_left"] = "Days left in the quarter, summed over those snapshots.",
                ["pipeline_arr_days"] = "Σ over those snapshots of the open sourced ARR (every motion) × days left: the exposure new_arr is divided by.",
                ["new_arr"] = "Sourced ARR won from outside each snapshot's sourced pipeline, summed over those snapshots (negative when ARR moved to another motion or credit was removed later).",
                ["rate"] = "new_arr / pipeline_arr_days: the forecast adds rate × open sourced ARR (every motion) × days left.",
                ["quarters"] = "The fiscal quarters measured.",
                ["outcomes_known_by"] = "Only quarters whose outcome was read on or before this date were used.",
                ["model_version"] = "The pipeline_forecast model file the allowance comes from.",
                ["scored_at"] = "When the scoring run started (UTC).",
            },
            context.RunId);
    }
}
