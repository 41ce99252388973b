using System.Diagnostics;
using System.Globalization;
using Analytics.Models.Scoring;
using Analytics.Models.Configuration;

namespace Analytics.Models.Forecasting;

/// <summary>
/// The partner pipeline forecast (DOMAIN.md "Scores and forecasts"; issue 5 item 5): expected partner-sourced ARR
/// closing in the current fiscal quarter, from historical stage-to-win conversion by motion and stage, back-tested on
/// previous quarters beside a naive baseline (the previous quarter's actual).
/// </summary>
/// <remarks>
/// Forecast for quarter Q at snapshot F = sourced ARR already won in Q at F
/// + Σ over deals open at F with sourced credit of sourced ARR × rate(motion, stage, days left in Q)
/// + new-pipeline rate(motion, days left) × open sourced ARR at F × days left (deals not yet in the pipeline).
/// The rates are learned from every landed snapshot S whose quarter has ended: deals open at S with sourced credit,
/// outcome = closed won by the end of S's quarter, read from the first snapshot on or after that quarter's last day
/// (never later data). SQL aggregates in DuckDB (one pass over the <c>_as_of</c> views); C# does the arithmetic.
/// </remarks>
public sealed class PipelineForecaster
{
    /// <summary>The model's name in the model store and the evaluation ledger.</summary>
    public const string ModelName = "pipeline_forecast";

    /// <summary>The model kind written in the model file.</summary>
    public const string ModelKind = "stage_conversion";

    /// <summary>A forecast with fewer won observations behind its rates is flagged thin.</summary>
    public const int ThinWonObservations = 100;

    /// <summary>Uses <paramref name="settings"/>, or <see cref="ForecastSettings.Default"/>.</summary>
    public PipelineForecaster(ForecastSettings? settings = null)
    {
        Settings = (settings ?? ForecastSettings.Default).Validate();
    }

    /// <summary>The method settings a training uses.</summary>
    public ForecastSettings Settings { get; }

    /// <summary>
    /// Fits the conversion rates and the new-pipeline allowance on everything whose outcome is known at the context's
    /// snapshot, and back-tests the method on the previous <c>models.forecast.backtest_quarters</c> quarters.
    /// </summary>
    /// <param name="context">The scoring build and configuration.</param>
    /// <param name="evaluations">Per back-tested quarter the absolute percentage error of the forecast and of the naive
    /// baseline, and over those quarters the MAPE of both (and of the forecast without its new-pipeline allowance).</param>
    /// <returns>The model file (not saved: the caller saves it and records the evaluations through the model store).</returns>
    public ModelFile<ForecastParameters> Train(ScoringContext context, out IReadOnlyList<ModelEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var history = ForecastHistory.Load(context.Connection, context.SnapshotDate, context.Config.Fiscal.YearStartMonth, Settings);
        context.Report($"forecast: read {history.Snapshots.Count} snapshot(s) in {clock.Elapsed.TotalSeconds:0.0} s");

        var cells = history.Cells(context.SnapshotDate);
        var parameters = ConversionFit.Fit(cells, history.Snapshots, history.Matured, context.SnapshotDate, Settings);
        var backtest = ForecastBacktest.Run(history, Settings, context.Config.Models.Forecast.BacktestQuarters);
        var version = ModelStore.Version(ModelName, context.SnapshotDate, parameters);
        var observations = cells.Sum(c => c.Observations);
        var won = cells.Sum(c => c.WonObservations);
        var matured = history.Snapshots.Where(s => s.MaturityDate <= context.SnapshotDate).Select(s => s.SnapshotDate).ToList();
        var backtestDates = backtest.Rows.Where(r => r.Motion == ForecastRow.AllMotions && r.ForecastSnapshotDate is not null).ToList();

        var metrics = new Dictionary<string, double>
        {
            ["observations"] = observations,
            ["won_observations"] = won,
            ["quarters_observed"] = parameters.QuartersObserved.Count,
            ["backtest_quarters"] = backtest.QuartersScored.Count,
        };
        AddIfKnown(metrics, "mape", backtest.Mape);
        AddIfKnown(metrics, "naive_mape", backtest.NaiveMape);
        AddIfKnown(metrics, "mape_conversion_only", backtest.ConversionOnlyMape);

        var isThin = won < ThinWonObservations || backtest.QuartersScored.Count < context.Config.Models.Forecast.BacktestQuarters;
        var model = new ModelFile<ForecastParameters>(
            ModelName, version, ModelKind, context.SnapshotDate, DateTimeOffset.UtcNow,
            new DataWindow(matured.Count > 0 ? matured.Min() : context.SnapshotDate, matured.Count > 0 ? matured.Max() : context.SnapshotDate, observations, observations, won),
            backtestDates.Count > 0
                ? new DataWindow(backtestDates.Min(r => r.ForecastSnapshotDate!.Value), backtestDates.Max(r => r.ForecastSnapshotDate!.Value), backtest.Rows.Count, backtest.QuartersScored.Count)
                : null,
            Features,
            parameters,
            metrics,
            isThin,
            Notes(parameters, backtest, won, isThin));

        var offset = FiscalQuarter.Of(history.SnapshotDate, history.StartMonth).DayOffset(history.SnapshotDate);
        var nested = NestedBacktest.Run(history, Settings, context.Config.Models.Forecast.BacktestQuarters, NestedBacktest.Offsets.Append(offset));
        var atOffset = nested.Single(n => n.Offset == offset);
        AddIfKnown(metrics, "nested_mape", atOffset.Mape);
        evaluations = [.. Evaluations(version, backtest, history.StartMonth), .. NestedEvaluations(version, nested, offset, history.StartMonth)];
        context.Report($"forecast: nested back-test (settings chosen on earlier quarters only) MAPE {Format(atOffset.Mape)} vs naive {Format(atOffset.NaiveMape)} at day {offset}");
        context.Report($"forecast: trained {version} on {observations:N0} observations in {clock.Elapsed.TotalSeconds:0.0} s; back-test MAPE "
            + $"{Format(backtest.Mape)} vs naive {Format(backtest.NaiveMape)}");
        return model;
    }

    /// <summary>
    /// Writes <c>scores.forecast</c> (the current quarter with <paramref name="model"/>'s rates, and the back-test
    /// re-fitted with its settings at the current day-offset), <c>scores.forecast_conversion_rates</c> and
    /// <c>scores.forecast_new_pipeline</c> (the model's parameters), and describes them in the catalog.
    /// </summary>
    public void Score(ScoringContext context, ModelFile<ForecastParameters> model)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        var clock = Stopwatch.StartNew();
        var startMonth = context.Config.Fiscal.YearStartMonth;
        var settings = model.Parameters.Settings.Validate();
        var history = ForecastHistory.Load(context.Connection, context.SnapshotDate, startMonth, settings);

        var quarter = FiscalQuarter.Of(context.SnapshotDate, startMonth);
        var previous = quarter.Before(1, startMonth).Name;
        var observations = model.Parameters.Rates.Sum(r => r.Observations);
        var current = ForecastProjection.Project(model.Parameters, history.Pipeline(context.SnapshotDate), quarter.Name, ForecastRow.CurrentKind,
                context.SnapshotDate, quarter.DaysLeftAfter(context.SnapshotDate), observations)
            .Select(r => r with
            {
                NaiveArr = history.Actual(previous, r.Motion),
                Note = $"rates from {string.Join(", ", model.Parameters.QuartersObserved)} (outcomes known by {model.Parameters.OutcomesKnownBy:yyyy-MM-dd})",
            })
            .ToList();
        var backtest = ForecastBacktest.Run(history, settings, context.Config.Models.Forecast.BacktestQuarters);

        ForecastTables.Write(context, [.. current, .. backtest.Rows], model);
        var total = current[^1];
        context.Report($"forecast: {quarter.Name} partner-sourced ARR {total.ForecastArr:N0} (won {total.WonToDateArr:N0} + open {total.ExpectedFromOpenArr:N0} "
            + $"+ new {total.ExpectedFromNewArr:N0}); back-test MAPE {Format(backtest.Mape)} vs naive {Format(backtest.NaiveMape)}; "
            + $"{clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static readonly IReadOnlyList<FeatureDescription> Features =
    [
        new("motion", "The deal's reporting motion at the snapshot ('unspecified' when blank)."),
        new("stage_index", "The deal's open stage at the snapshot, 1-5."),
        new("time_left_bucket", "Days left in the fiscal quarter after the snapshot day, bucketed."),
        new("sourced_arr", "The deal's partner-sourced credited ARR at the snapshot (arr × attribution_pct / 100 over 'sourced' rows)."),
        new("won_to_date_arr", "Sourced ARR already won in the quarter at the forecast snapshot (added as is)."),
        new("days_left", "Days left in the quarter: multiplies the new-pipeline allowance."),
    ];

    private static IReadOnlyList<string> Notes(ForecastParameters parameters, BacktestResult backtest, long won, bool isThin)
    {
        var notes = new List<string>
        {
            $"Rates are {parameters.Settings.Weighting.ToString().ToLowerInvariant()}-weighted chances that sourced pipeline open at a snapshot closes won by the end of "
                + $"its quarter, by (motion, stage, time left in {parameters.Settings.TimeLeftBucketDays}-day buckets), shrunk with a pseudo-count of "
                + $"{parameters.Settings.PseudoCount} observations toward the (motion, stage), motion and overall rates.",
            $"Observations come from the quarters {string.Join(", ", parameters.QuartersObserved)}; each outcome is read from the first snapshot on or after its quarter's end, never later.",
            $"The new-pipeline allowance (sourced ARR won in a quarter from deals not in its sourced pipeline at the snapshot, per ARR of open sourced pipeline and day left) "
                + $"comes from {string.Join(", ", parameters.NewPipelineQuarters)}.",
            $"Back-test over {backtest.QuartersScored.Count} quarter(s) ({string.Join(", ", backtest.QuartersScored)}): MAPE {Format(backtest.Mape)}, "
                + $"naive (previous quarter's actual) {Format(backtest.NaiveMape)}, without the new-pipeline allowance {Format(backtest.ConversionOnlyMape)}.",
        };
        if (isThin)
        {
            notes.Add($"Thin: {won} won observation(s) (fewer than {ThinWonObservations}) or fewer back-tested quarters than configured; rates lean on their priors and the error estimate is rough.");
        }

        notes.AddRange(backtest.Rows.Where(r => r.Motion == ForecastRow.AllMotions && r.TrainingObservations == 0 && r.Note is not null).Select(r => $"{r.FiscalQuarter}: {r.Note}"));
        return notes;
    }

    private static IReadOnlyList<ModelEvaluation> Evaluations(string version, BacktestResult backtest, int startMonth)
    {
        var list = new List<ModelEvaluation>();
        var scored = backtest.Rows.Where(r => r.Motion == ForecastRow.AllMotions && backtest.QuartersScored.Contains(r.FiscalQuarter)).ToList();
        foreach (var row in scored)
        {
            var quarter = FiscalQuarter.Of(row.ForecastSnapshotDate!.Value, startMonth);
            var window = $"back-test {row.FiscalQuarter}";
            var detail = $"forecast {row.ForecastArr:N0} at {row.ForecastSnapshotDate:yyyy-MM-dd} vs actual {row.ActualArr:N0}; naive (previous quarter's actual) {row.NaiveArr:N0}";
            if (row.AbsPctError is { } error)
            {
                list.Add(new ModelEvaluation(ModelName, version, window, row.ForecastSnapshotDate.Value, quarter.End.AddDays(-1), "abs_pct_error", error * 100, 1, detail));
            }

            if (row.NaiveAbsPctError is { } naive)
            {
                list.Add(new ModelEvaluation(ModelName, version, window, row.ForecastSnapshotDate.Value, quarter.End.AddDays(-1), "naive_abs_pct_error", naive * 100, 1, detail));
            }
        }

        if (scored.Count > 0)
        {
            var from = scored.Min(r => r.ForecastSnapshotDate!.Value);
            var to = FiscalQuarter.Of(scored.Max(r => r.ForecastSnapshotDate!.Value), startMonth).End.AddDays(-1);
            var window = $"back-test {backtest.QuartersScored[^1]}..{backtest.QuartersScored[0]}";
            void Add(string metric, double? value, string detail)
            {
                if (value is { } v)
                {
                    list.Add(new ModelEvaluation(ModelName, version, window, from, to, metric, v * 100, scored.Count, detail));
                }
            }

            Add("mape", backtest.Mape, "mean absolute percentage error of the total partner-sourced ARR forecast, in percent");
            Add("naive_mape", backtest.NaiveMape, "the naive baseline (previous quarter's actual) on the same quarters, in percent");
            Add("mape_conversion_only", backtest.ConversionOnlyMape, "the forecast without its new-pipeline allowance, in percent");
        }

        return list;
    }

    private static IEnumerable<ModelEvaluation> NestedEvaluations(string version, IReadOnlyList<NestedBacktestResult> nested, int currentOffset, int startMonth)
    {
        foreach (var result in nested.Where(n => n.Quarters.Count > 0))
        {
            var from = FiscalQuarter.Of(result.Quarters[^1].All.ForecastSnapshotDate!.Value, startMonth).Start;
            var to = FiscalQuarter.Of(result.Quarters[0].All.ForecastSnapshotDate!.Value, startMonth).End.AddDays(-1);
            var window = string.Create(CultureInfo.InvariantCulture, $"nested back-test day {result.Offset}");
            var detail = $"settings per quarter chosen on the {NestedBacktest.InnerQuarters} quarters before it only: {result.Choices}";
            if (result.Mape is { } mape)
            {
                yield return new ModelEvaluation(ModelName, version, window, from, to, "nested_mape", mape * 100, result.Quarters.Count, detail);
            }

            if (result.NaiveMape is { } naive)
            {
                yield return new ModelEvaluation(ModelName, version, window, from, to, "nested_naive_mape", naive * 100, result.Quarters.Count, "the naive baseline (previous quarter's actual) on the same quarters, in percent");
            }

            if (result.Offset != currentOffset)
            {
                continue;
            }

            foreach (var (motion, (motionMape, motionNaive)) in result.ByMotion)
            {
                if (motionMape is { } m)
                {
                    yield return new ModelEvaluation(ModelName, version, window, from, to, $"nested_mape_{motion}", m * 100, result.Quarters.Count, $"{motion}: the nested forecast's MAPE, in percent");
                }

                if (motionNaive is { } n)
                {
                    yield return new ModelEvaluation(ModelName, version, window, from, to, $"naive_mape_{motion}", n * 100, result.Quarters.Count, $"{motion}: the naive baseline's MAPE, in percent");
                }
            }
        }
    }

    private static void AddIfKnown(Dictionary<string, double> metrics, string name, double? fraction)
    {
        if (fraction is { } value)
        {
            metrics[name] = value * 100;
        }
    }

    private static string Format(double? fraction) => fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
}
