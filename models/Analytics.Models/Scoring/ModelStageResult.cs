namespace Analytics.Models.Scoring;

/// <summary>The outcome of a model-stage run.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="SnapshotDate">The warehouse's snapshot that was scored.</param>
/// <param name="WarehousePath">The warehouse, now holding the scores.</param>
/// <param name="Models">Per model: version, trained or loaded, rows scored.</param>
/// <param name="Elapsed">Wall time of the stage.</param>
public sealed record ModelStageResult(string RunId, DateOnly SnapshotDate, string WarehousePath, IReadOnlyList<ModelOutcome> Models, TimeSpan Elapsed);
