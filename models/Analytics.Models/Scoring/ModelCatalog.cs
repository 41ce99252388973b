using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;
using System.Text.Json;
using Dapper;

namespace Analytics.Models.Scoring;

/// <summary>
/// Writes what the scores rest on into the scoring build: <c>catalog.model_evaluations</c> (every evaluation in the
/// store's ledger, oldest first; the ledger outlives the nightly rebuilds) and <c>scores.models</c> (the model file
/// behind each scores table), each described by its YAML (pipelines/transforms/tables/).
/// </summary>
internal static class ModelCatalog
{
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

        CatalogTables.Describe(connection, "catalog.model_evaluations", [], context.RunId);

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

        CatalogTables.Describe(connection, "scores.models", ["catalog.model_evaluations"], context.RunId);
    }
}
