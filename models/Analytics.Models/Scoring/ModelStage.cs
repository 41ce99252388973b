using Analytics.Pipelines.Warehouse;
using System.Diagnostics;
using DuckDB.NET.Data;
using Analytics.Models.Forecasting;
using Analytics.Models.StalledDeals;
using Analytics.Models.Tiers;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Transforms;
using Dapper;
using Analytics.Models.Configuration;

namespace Analytics.Models.Scoring;

/// <summary>
/// The scoring stage, between the warehouse and the reports: copies the warehouse to a build file, trains the models
/// that need it (saving their files and evaluations in the model store), writes the scores (schema <c>scores</c>),
/// <c>catalog.model_evaluations</c> and <c>scores.models</c> into the copy, and swaps it in atomically, under the
/// same lock as the transform. A failure leaves the warehouse as it was. Re-running it for the same snapshot with the
/// same model files gives the same scores.
/// </summary>
public sealed class ModelStage(TimeProvider clock)
{
    /// <summary>The true stall probabilities of a generated CRM (the demo), reported beside the stalled-deal model's AUC; null for a real CRM.</summary>
    public IStallOracle? StallOracle { get; init; }

    /// <summary>Runs the stage for the warehouse named in <paramref name="config"/>.</summary>
    /// <exception cref="ModelStageException">There is no warehouse yet, or a transform holds it.</exception>
    /// <exception cref="ModelTrainingException">A model cannot be trained from the data at hand.</exception>
    /// <param name="config">The pipeline configuration.</param>
    /// <param name="mode">Train, score or decide per model.</param>
    /// <param name="progress">A line per model at work.</param>
    /// <param name="runId">The id of the run this stage is a step of (recorded with the scores); null for a new id of its own.</param>
    public ModelStageResult Run(PipelineConfig config, ModelStageMode mode, IProgress<string>? progress = null, string? runId = null)
    {
        var started = Stopwatch.GetTimestamp();
        if (!File.Exists(config.Paths.Warehouse))
        {
            throw new ModelStageException($"{config.Paths.Warehouse}: no warehouse yet; run `analytics transform` (or `analytics run`) first.");
        }

        WarehouseFiles files;
        try
        {
            files = WarehouseFiles.Acquire(config.Paths.Warehouse);
        }
        catch (TransformRunException e)
        {
            throw new ModelStageException(e.Message);
        }

        using (files)
        {
            runId ??= RunId.New(clock.GetUtcNow().UtcDateTime);
            var buildPath = files.BuildPath(runId);
            try
            {
                File.Copy(files.WarehousePath, buildPath, overwrite: true);
                var outcomes = new List<ModelOutcome>();
                DateOnly snapshot;
                using (var connection = DuckDbFile.Open(buildPath))
                {
                    snapshot = CurrentBuild.Read(connection)?.SnapshotDate
                        ?? throw new ModelStageException($"{files.WarehousePath}: catalog.builds records no build; run `analytics transform` first.");
                    var store = new ModelStore(config.Paths.Models);
                    var context = new ScoringContext(connection, config, snapshot, runId, clock.GetUtcNow().UtcDateTime, store, progress, StallOracle);
                    foreach (var step in Steps())
                    {
                        var train = mode == ModelStageMode.Train || (mode == ModelStageMode.Auto && IsStale(store, step.Name, snapshot, config.Models.RetrainAfterDays));
                        context.Report(train ? $"{step.Name}: training" : $"{step.Name}: loading {store.CurrentFile(step.Name)}");
                        outcomes.Add(step.Run(context, train));
                    }

                    ModelCatalog.Write(context, outcomes);
                    WarehouseSql.Execute(connection, "checkpoint"); // not Dapper: it takes a one-word command for a stored procedure
                }

                files.SwapIn(buildPath);
                return new ModelStageResult(runId, snapshot, files.WarehousePath, outcomes, Stopwatch.GetElapsedTime(started));
            }
            finally
            {
                File.Delete(buildPath);
                File.Delete(buildPath + ".wal");
            }
        }
    }

    /// <summary>True when <paramref name="model"/> has no file or was trained on a snapshot <paramref name="maxAgeDays"/> or more days before <paramref name="snapshot"/>.</summary>
    public static bool IsStale(ModelStore store, string model, DateOnly snapshot, int maxAgeDays) =>
        store.TrainedSnapshot(model) is not { } trained || snapshot.DayNumber - trained.DayNumber >= maxAgeDays;

    private static IEnumerable<ScoringStep> Steps() =>
    [
        new ScoringStep<StalledDealParameters>(StalledDealModel.Name,
            context => { var t = StalledDealModel.Train(context); return (t.File, t.Evaluations); },
            StalledDealModel.Score),
        new ScoringStep<TierReadinessParameters>(TierReadinessModel.Name,
            context => { var file = new TierReadinessModel().Train(context, out var evaluations); return (file, evaluations); },
            (context, file) => { new TierReadinessModel().Score(context, file); return Count(context, TierReadinessModel.Table); }),
        Forecast(new PipelineForecaster()),
    ];

    // One forecaster for training and scoring, so scoring right after training reuses the history it read.
    private static ScoringStep Forecast(PipelineForecaster forecaster) =>
        new ScoringStep<ForecastParameters>(PipelineForecaster.ModelName,
            context => { var file = forecaster.Train(context, out var evaluations); return (file, evaluations); },
            (context, file) => { forecaster.Score(context, file); return Count(context, "scores.forecast"); });

    private static long Count(ScoringContext context, string table) =>
        Convert.ToInt64(WarehouseSql.Scalar(context.Connection, $"select count(*) from {table}"), System.Globalization.CultureInfo.InvariantCulture);
}
