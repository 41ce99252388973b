namespace Analytics.Pipelines.Configuration;

/// <summary><c>backfill:</c>.</summary>
/// <param name="Months">How many months of history the first run lands.</param>
/// <param name="Every">Spacing of backfilled snapshots.</param>
public sealed record BackfillConfig(int Months, SnapshotCadence Every);
