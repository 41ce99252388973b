using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;
using System.Text.Json;
using Dapper;

namespace Analytics.Models.Scoring;

/// <summary>
/// Writes what the scores rest on into the scoring build: <c>catalog.model_evaluations</c> (every evaluation in the
/// store's ledger, oldest first; the ledger outlives the nightly rebuilds) and <c>scores.models</c> (the model file
/// behind each scores table).
/// </summary>
internal static class ModelCatalog
{
    private static readonly Dictionary<string, string> EvaluationColumns = new(StringComparer.Ordinal)
    {
        ["model"] = "stalled_deal, tier_readiness or pipeline_forecast.",
        ["model_version"] = "The model file evaluated (data/models/<model>/<version>.json).",
        ["evaluation_window"] = "What it was evaluated on: 'later window' (snapshots after its training rows), 'back-test <quarter>', 'held-out transition', or 'training' when nothing could be held out.",
        ["window_from"] = "First snapshot (or quarter start) of the window.",
        ["window_to"] = "Last snapshot (or quarter end) of the window.",
        ["metric"] = "auc, auc_ci_low, auc_ci_high, brier, log_loss, max_calibration_gap_pp, mape, naive_mape, abs_pct_error, ...",
        ["value"] = "The figure.",
        ["rows"] = "Outcomes (deal-snapshots, partners, quarters) the figure is computed on.",
        ["detail"] = "What a reader needs beside the number (interval, baseline, chosen or not).",
        ["ordinal"] = "Order in the ledger (data/models/evaluations.jsonl), oldest first.",
    };

    private static readonly Dictionary<string, string> ModelColumns = new(StringComparer.Ordinal)
    {
        ["model"] = "stalled_deal, tier_readiness or pipeline_forecast.",
        ["model_version"] = "The model file used by this run's scores.",
        ["kind"] = "The algorithm: logistic_regression, gradient_boosted_trees, stage_conversion, ...",
        ["trained_in_this_run"] = "True when the run trained it; false when it was loaded from its file.",
        ["training_snapshot_date"] = "The newest snapshot its training read.",
        ["training_from"] = "First snapshot of its training rows.",
        ["training_to"] = "Last snapshot of its training rows.",
        ["training_outcomes"] = "Observed outcomes it was fitted on.",
        ["evaluation_from"] = "First snapshot of the later window it was evaluated on (null when none).",
        ["evaluation_to"] = "Last snapshot of that window.",
        ["is_thin"] = "Trained on fewer outcomes than configured as enough; its scores lean on the prior.",
        ["rows_scored"] = "Rows this run wrote to its scores table.",
        ["metrics"] = "Its headline metrics as JSON (the full record is in catalog.model_evaluations).",
        ["notes"] = "The model card's notes: data limits and choices made.",
        ["file"] = "The model file.",
        ["scored_at"] = "When the scoring run started (UTC).",
    };

    public static void Write(ScoringContext context, IReadOnlyList<ModelOutcome> outcomes)
    {
        var connection = context.Connection;
        connection.Execute("create schema if not exists scores");
        connection.Execute("""
            create or replace table catalog.model_evaluations (
                model varchar not null, model_version varchar not null, evaluation_window varchar not null, window_from date,
                window_to date, metric varchar not null, value double, rows bigint, detail varchar, ordinal integer not null)
            """);
        var ordinal = 0;
        foreach (var e in context.Store.ReadEvaluations())
        {
            WarehouseSql.Execute(connection,
                "insert into catalog.model_evaluations values ($model, $version, $window, $from, $to, $metric, $value, $rows, $detail, $ordinal)",
                ("model", e.Model), ("version", e.ModelVersion), ("window", e.Window), ("from", e.WindowFrom), ("to", e.WindowTo), ("metric", e.Metric),
                ("value", double.IsFinite(e.Value) ? e.Value : null), ("rows", e.Rows), ("detail", e.Detail), ("ordinal", ++ordinal));
        }

        CatalogTables.Describe(connection, "catalog.model_evaluations",
            "Every evaluation of every model version, from the model store's ledger (it outlives the nightly warehouse rebuilds).",
            "one row per (model_version, evaluation_window, metric)", [], EvaluationColumns, context.RunId);

        connection.Execute("""
            create or replace table scores.models (
                model varchar not null, model_version varchar not null, kind varchar not null, trained_in_this_run boolean not null,
                training_snapshot_date date, training_from date, training_to date, training_outcomes bigint, evaluation_from date,
                evaluation_to date, is_thin boolean not null, rows_scored bigint not null, metrics varchar, notes varchar,
                file varchar not null, scored_at timestamp not null)
            """);
        foreach (var outcome in outcomes.Where(o => o.Skipped is null))
        {
            WarehouseSql.Execute(connection,
                "insert into scores.models values ($model, $version, $kind, $trained, $snapshot, $from, $to, $outcomes, $evalFrom, $evalTo, $thin, $rows, $metrics, $notes, $file, $scoredAt)",
                ("model", outcome.Model), ("version", outcome.Version), ("kind", outcome.Kind), ("trained", outcome.Trained),
                ("snapshot", outcome.SnapshotDate), ("from", outcome.Training?.From), ("to", outcome.Training?.To), ("outcomes", outcome.Training?.Outcomes),
                ("evalFrom", outcome.Evaluation?.From), ("evalTo", outcome.Evaluation?.To),
                ("thin", outcome.IsThin), ("rows", outcome.RowsScored),
                ("metrics", JsonSerializer.Serialize(outcome.Metrics.Where(m => double.IsFinite(m.Value)).ToDictionary())),
                ("notes", string.Join(" ", outcome.Notes)), ("file", outcome.File), ("scoredAt", context.ScoredAt));
        }

        CatalogTables.Describe(connection, "scores.models",
            "The model file behind each scores table in this warehouse: version, training window, evaluation window, thin-data flag (docs/models.md).",
            "one row per model", ["catalog.model_evaluations"], ModelColumns, context.RunId);
    }
}
