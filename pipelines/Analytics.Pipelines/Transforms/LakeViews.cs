using DuckDB.NET.Data;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The staging layer's sources: in schema <c>lake</c>, per CRM entity, <c>lake.&lt;entity&gt;</c> (the snapshot being
/// built, plus a <c>snapshot_date</c> column) and <c>lake.&lt;entity&gt;_snapshots</c> (every landed snapshot up to it,
/// Hive-partitioned by <c>snapshot_date</c>). Both are views over the lake's Parquet files, named from the manifests,
/// so only completely landed snapshots are ever read.
/// </summary>
public static partial class LakeViews
{
    /// <summary>The suffix of the every-snapshot view of an entity.</summary>
    public const string SnapshotsSuffix = "_snapshots";

    /// <summary>Creates the views for <paramref name="snapshot"/> and the landed dates up to it.</summary>
    /// <returns>The lake files read per entity for <paramref name="snapshot"/>, relative to the lake root.</returns>
    public static IReadOnlyList<EntityLanding> Create(DuckDBConnection connection, LakeLayout layout, DateOnly snapshot, IReadOnlyList<DateOnly> landed)
    {
        var manifests = landed.Where(d => d <= snapshot)
            .Select(d => SnapshotPublisher.ReadManifest(layout, d) ?? throw new TransformRunException($"{layout.Manifest(d)}: the manifest disappeared while the transform started."))
            .ToList();
        var current = manifests.Single(m => m.SnapshotDate == snapshot);
        using var command = connection.CreateCommand();
        command.CommandText = $"create schema if not exists {TransformProject.LakeSchema}";
        command.ExecuteNonQuery();
        foreach (var entity in CrmSchema.Entities)
        {
            var file = FileOf(layout, current, entity.Name);
            var dateLiteral = $"date '{snapshot:yyyy-MM-dd}'";
            // hive_partitioning off: the file's snapshot_date=... folder would otherwise add a second snapshot_date (snapshot_date_1).
            command.CommandText = $"create or replace view lake.{entity.Name} as select *, {dateLiteral} as snapshot_date from read_parquet({DataTestSql.Literal(file)}, hive_partitioning = false)";
            command.ExecuteNonQuery();
            var files = manifests.Select(m => DataTestSql.Literal(FileOf(layout, m, entity.Name)));
            command.CommandText = $"""
                create or replace view lake.{entity.Name}{SnapshotsSuffix} as
                select * from read_parquet([{string.Join(", ", files)}], hive_partitioning = true, hive_types = {"{'snapshot_date': date}"}, union_by_name = true)
                """;
            command.ExecuteNonQuery();
        }

        return current.Entities;
    }

    private static string FileOf(LakeLayout layout, SnapshotManifest manifest, string entity)
    {
        var landing = manifest.Entities.FirstOrDefault(e => e.Entity == entity)
            ?? throw new TransformRunException($"{layout.Manifest(manifest.SnapshotDate)}: the snapshot has no '{entity}' entity; re-land it with `{SuggestedCommands.Extract(manifest.SnapshotDate)}`.");
        var path = Path.GetFullPath(Path.Combine(layout.Root, landing.File));
        return File.Exists(path)
            ? path
            : throw new TransformRunException($"{path}: listed in the manifest of {manifest.SnapshotDate:yyyy-MM-dd} but missing; re-land it with `{SuggestedCommands.Extract(manifest.SnapshotDate)}`.");
    }
}
