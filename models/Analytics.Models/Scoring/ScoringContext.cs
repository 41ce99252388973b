using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;

namespace Analytics.Models.Scoring;

/// <summary>
/// What a model's training or scoring step works with: a read-write connection to the scoring build (a copy of the
/// warehouse that replaces it only when every step succeeded), the configuration, the snapshot the warehouse was
/// built from, and the store of model files.
/// </summary>
/// <param name="Connection">The scoring build, read-write. It holds every schema of the warehouse, the lake views and
/// the <c>staging.&lt;entity&gt;_as_of</c> views over every landed snapshot.</param>
/// <param name="Config">pipeline.yaml.</param>
/// <param name="SnapshotDate">The snapshot the warehouse was built from (catalog.builds).</param>
/// <param name="RunId">This scoring run's id.</param>
/// <param name="ScoredAt">When the run started (UTC); written as scored_at.</param>
/// <param name="Store">Model files and the evaluation ledger.</param>
/// <param name="Progress">Short progress lines for the console.</param>
/// <param name="StallOracle">The true stall probabilities when the CRM is generated (the demo), for the ceiling beside the model's AUC; null otherwise.</param>
public sealed record ScoringContext(
    DuckDBConnection Connection,
    PipelineConfig Config,
    DateOnly SnapshotDate,
    string RunId,
    DateTime ScoredAt,
    ModelStore Store,
    IProgress<string>? Progress = null,
    StalledDeals.IStallOracle? StallOracle = null)
{
    /// <summary>Reports a progress line.</summary>
    public void Report(string line) => Progress?.Report(line);
}
