using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Lake;

/// <summary>
/// Publishes a sealed <see cref="SnapshotStaging"/> as the lake's snapshot of one date, so that a reader never sees half
/// a partition and a crash never loses the previous one. Two phases:
/// 1. write: every entity (and its quarantine) goes to a temporary file inside its partition, under a name no
///    <c>*.parquet</c> glob matches. This is the slow part; a crash here leaves the previous snapshot untouched.
/// 2. swap: the snapshot's manifest is removed (the date counts as not landed until the end), each temporary file is
///    renamed over <c>data.parquet</c> (rename(2) replaces atomically, so every partition is always one whole file),
///    and the new manifest, with counts, checksums and timings, is written (temporary file, then rename).
/// Re-landing a date replaces it whole. Rows come out sorted by primary key, so the same input gives the same bytes.
/// </summary>
public sealed class SnapshotPublisher(LakeLayout layout)
{
    /// <summary>JSON settings of manifests (indented, camelCase, ISO dates).</summary>
    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Test seam: called after the write phase, before any rename (a test throws here to simulate a crash).</summary>
    internal Action? BeforeSwap { get; init; }

    /// <summary>Writes the snapshot and returns its manifest.</summary>
    public SnapshotManifest Publish(SnapshotStaging staging, DateOnly date, string source, string runId, DateTime startedAt, IProgress<string>? progress = null)
    {
        staging.Seal();
        var connection = staging.Connection;
        var entities = new List<EntityLanding>();
        var renames = new List<(string Temporary, string Target)>();
        var staleQuarantines = new List<string>();
        foreach (var entity in CrmSchema.Entities)
        {
            progress?.Report($"writing {entity.Name}");
            var clock = Stopwatch.StartNew();
            var partition = layout.RawPartition(entity.Name, date);
            Directory.CreateDirectory(partition);
            var target = Path.Combine(partition, LakeLayout.DataFileName);
            var temporary = Path.Combine(partition, $".{LakeLayout.DataFileName}.{runId}.tmp");
            var orderBy = string.Join(", ", entity.PrimaryKey.Select(k => $"\"{k}\""));
            Execute(connection, $"copy (select * from \"{entity.Name}\" order by {orderBy}) to '{Escape(temporary)}' (format parquet, compression zstd)");
            var (sha, bytes) = Checksum(temporary);
            renames.Add((temporary, target));

            var quarantined = staging.Quarantined(entity.Name);
            var quarantineTarget = Path.Combine(layout.QuarantinePartition(entity.Name, date), "quarantine.parquet");
            if (quarantined > 0)
            {
                renames.Add((WriteQuarantine(connection, entity.Name, date, runId), quarantineTarget));
            }
            else
            {
                staleQuarantines.Add(quarantineTarget);
            }

            var landed = staging.Landed(entity.Name);
            entities.Add(new EntityLanding(entity.Name, landed + quarantined, landed, quarantined,
                Path.GetRelativePath(layout.Root, target), sha, bytes, clock.ElapsedMilliseconds));
        }

        BeforeSwap?.Invoke();
        var manifestPath = layout.Manifest(date);
        DeleteIfExists(manifestPath);
        foreach (var (temporary, target) in renames)
        {
            File.Move(temporary, target, overwrite: true);
        }

        staleQuarantines.ForEach(DeleteIfExists);
        var manifest = new SnapshotManifest(date, source, runId, startedAt, DateTime.UtcNow, entities);
        Directory.CreateDirectory(layout.Manifests);
        var temporaryManifest = manifestPath + $".{runId}.tmp";
        File.WriteAllText(temporaryManifest, JsonSerializer.Serialize(manifest, ManifestJson));
        File.Move(temporaryManifest, manifestPath, overwrite: true);
        return manifest;
    }

    /// <summary>Reads the manifest of <paramref name="date"/>, or null when that date is not (completely) landed.</summary>
    public static SnapshotManifest? ReadManifest(LakeLayout layout, DateOnly date)
    {
        var path = layout.Manifest(date);
        return File.Exists(path) ? JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllText(path), ManifestJson) : null;
    }

    /// <summary>Removes temporary files a crashed run left behind (they never count as data).</summary>
    public void CleanUpAbandonedFiles()
    {
        foreach (var folder in new[] { layout.Raw, layout.QuarantineRoot, layout.Manifests }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories))
            {
                File.Delete(file);
            }
        }

        if (Directory.Exists(layout.Staging))
        {
            Directory.Delete(layout.Staging, recursive: true);
        }
    }

    private string WriteQuarantine(DuckDBConnection connection, string entity, DateOnly date, string runId)
    {
        var partition = layout.QuarantinePartition(entity, date);
        Directory.CreateDirectory(partition);
        var temporary = Path.Combine(partition, $".quarantine.parquet.{runId}.tmp");
        using var command = connection.CreateCommand();
        command.CommandText = $"copy (select file, line, field, value, reason from quarantine where entity = $entity order by file, line, field) to '{Escape(temporary)}' (format parquet)";
        command.Parameters.Add(new DuckDBParameter("entity", entity));
        command.ExecuteNonQuery();
        return temporary;
    }

    private static (string Sha256, long Bytes) Checksum(string file)
    {
        using var stream = File.OpenRead(file);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Escapes a path for a single-quoted SQL string literal.</summary>
    internal static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
