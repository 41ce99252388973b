using System.Globalization;

namespace Analytics.Pipelines.Lake;

/// <summary>
/// Where things live in the lake (plain Hive-partitioned Parquet that Spark, Trino, Polars or pandas read unchanged):
/// <c>raw/&lt;entity&gt;/snapshot_date=YYYY-MM-DD/data.parquet</c>, <c>quarantine/&lt;entity&gt;/snapshot_date=.../quarantine.parquet</c>,
/// <c>manifests/snapshot_date=YYYY-MM-DD.json</c>, and <c>_staging/</c> for partitions being written.
/// </summary>
public sealed class LakeLayout(string root)
{
    /// <summary>The name of the data file inside a raw partition.</summary>
    public const string DataFileName = "data.parquet";

    /// <summary>The lake's root folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Root of the landed snapshots.</summary>
    public string Raw => Path.Combine(Root, "raw");

    /// <summary>Root of the quarantined rows.</summary>
    public string QuarantineRoot => Path.Combine(Root, "quarantine");

    /// <summary>Folder of the snapshot manifests.</summary>
    public string Manifests => Path.Combine(Root, "manifests");

    /// <summary>Scratch space for partitions being written; anything here is unfinished and may be deleted.</summary>
    public string Staging => Path.Combine(Root, "_staging");

    /// <summary>The partition folder of <paramref name="entity"/> for <paramref name="date"/>.</summary>
    public string RawPartition(string entity, DateOnly date) => Path.Combine(Raw, entity, PartitionName(date));

    /// <summary>The quarantine folder of <paramref name="entity"/> for <paramref name="date"/>.</summary>
    public string QuarantinePartition(string entity, DateOnly date) => Path.Combine(QuarantineRoot, entity, PartitionName(date));

    /// <summary>The manifest of the snapshot of <paramref name="date"/>.</summary>
    public string Manifest(DateOnly date) => Path.Combine(Manifests, PartitionName(date) + ".json");

    /// <summary>The Hive partition folder name of a snapshot date.</summary>
    public static string PartitionName(DateOnly date) => "snapshot_date=" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Snapshot dates that have a manifest (completely landed), oldest first.</summary>
    public IReadOnlyList<DateOnly> LandedDates()
    {
        if (!Directory.Exists(Manifests))
        {
            return [];
        }

        return Directory.EnumerateFiles(Manifests, "snapshot_date=*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)["snapshot_date=".Length..])
            .Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>()
            .Order()
            .ToList();
    }
}
