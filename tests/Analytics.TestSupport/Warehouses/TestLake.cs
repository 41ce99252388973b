using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Crm;

namespace Analytics.TestSupport.Warehouses;

/// <summary>Lands hand-built CRM records as lake snapshots, exactly as an extract would (staging, Parquet, manifest).</summary>
public static class TestLake
{
    /// <summary>
    /// Lands <paramref name="records"/> as the snapshot of <paramref name="date"/> in the lake at <paramref name="lakeRoot"/>,
    /// its extract started at <paramref name="startedAt"/> (default 2026-11-21 03:00 UTC).
    /// </summary>
    public static SnapshotManifest Land(string lakeRoot, DateOnly date, IEnumerable<ICrmRecord> records, DateTime? startedAt = null)
    {
        var layout = new LakeLayout(lakeRoot);
        var spill = Path.Combine(layout.Staging, "test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var staging = new SnapshotStaging(spill);
            foreach (var record in records)
            {
                staging.WriteRecord(record);
            }

            staging.Seal();
            return new SnapshotPublisher(layout).Publish(staging, date, "hand-built test records", "test-run", startedAt ?? new DateTime(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc));
        }
        finally
        {
            if (Directory.Exists(spill))
            {
                Directory.Delete(spill, recursive: true);
            }
        }
    }
}
