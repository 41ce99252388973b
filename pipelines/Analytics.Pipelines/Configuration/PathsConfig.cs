namespace Analytics.Pipelines.Configuration;

/// <summary><c>paths:</c>.</summary>
/// <param name="Lake">Root of the Parquet lake (raw/, quarantine/, manifests/).</param>
/// <param name="Warehouse">The DuckDB warehouse file.</param>
/// <param name="Reports">QBR packs.</param>
/// <param name="Outbox">Emails written as .eml files.</param>
/// <param name="Runs">Run history.</param>
/// <param name="Models">Trained model files and the evaluation ledger.</param>
public sealed record PathsConfig(string Lake, string Warehouse, string Reports, string Outbox, string Runs, string Models);
