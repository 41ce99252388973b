namespace Analytics.Pipelines.Lake;

/// <summary>
/// What one landed snapshot holds: written last, after every partition is in place, so its presence means the
/// snapshot is complete. Saved as JSON beside the lake (manifests/snapshot_date=D.json).
/// </summary>
/// <param name="SnapshotDate">The date the CRM was extracted as of.</param>
/// <param name="Source">The source, e.g. <c>demo (seed 42, scale 1)</c> or <c>files (/data/drop)</c>.</param>
/// <param name="RunId">The extract run that wrote it.</param>
/// <param name="StartedAt">When the extract started (UTC).</param>
/// <param name="FinishedAt">When the manifest was written (UTC).</param>
/// <param name="Entities">Per entity: counts, checksum, timing.</param>
public sealed record SnapshotManifest(
    DateOnly SnapshotDate,
    string Source,
    string RunId,
    DateTime StartedAt,
    DateTime FinishedAt,
    IReadOnlyList<EntityLanding> Entities);
