using Analytics.Orchestration.Runs;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Transforms;
using Analytics.Pipelines.Warehouse;
using Analytics.Reports.Delivery;
using DuckDB.NET.Data;

namespace Analytics.Orchestration.Stages;

/// <summary>
/// The one step that writes bookkeeping into the warehouse: the run history (<c>paths.runs/&lt;id&gt;/run.json</c>) and
/// the delivery ledger (<c>paths.outbox/deliveries.jsonl</c>), files the stages append to, are copied into
/// <c>catalog.runs</c>, <c>catalog.run_steps</c> and <c>catalog.deliveries</c> together, at the end of a run and of
/// <c>analytics email weekly</c>. No stage after transform and score opens the warehouse for writing; the files outlive
/// every rebuild, so the copies are whole again after the next one.
/// </summary>
public static class CatalogBookkeeping
{
    /// <summary>
    /// Replaces the three catalog tables from the files, in one transaction under the warehouse's lock, when the
    /// warehouse exists; <paramref name="runs"/> are the records to load (null: every record in paths.runs). A failure
    /// is a warning line to <paramref name="report"/>: the files still hold everything.
    /// </summary>
    public static void Load(PipelineConfig config, IReadOnlyList<RunRecord>? runs, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        if (!File.Exists(config.Paths.Warehouse))
        {
            return;
        }

        var history = new RunHistory(config.Paths.Runs);
        var ledger = DeliveryLedger.ForOutbox(config.Paths.Outbox, report);
        try
        {
            runs ??= history.ReadAll(report);
            using var files = WarehouseFiles.Acquire(config.Paths.Warehouse);
            using var connection = DuckDbFile.Open(config.Paths.Warehouse);
            using var transaction = connection.BeginTransaction();
            RunHistoryTable.Load(connection, runs);
            DeliveryLedgerTable.Load(connection, ledger);
            transaction.Commit();
        }
        catch (Exception e) when (e is DuckDBException or TransformRunException or IOException or InvalidDataException)
        {
            report($"warning: catalog.runs and catalog.deliveries not refreshed ({e.Message}); {history.Folder} holds every run, {ledger.Path} every delivery");
        }
    }
}
