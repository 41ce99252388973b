using Analytics.Pipelines.Lake;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints a landed snapshot: its counts per entity and where it is.</summary>
internal static class SnapshotReport
{
    /// <summary>One snapshot's counts per entity, the lake, the manifest and, when rows were quarantined, where they are.</summary>
    public static void Print(IAnsiConsole console, SnapshotManifest manifest, LakeLayout layout)
    {
        var table = new Table().Title($"snapshot {manifest.SnapshotDate:yyyy-MM-dd} from {manifest.Source}")
            .AddColumns("entity", "read", "landed", "quarantined", "bytes");
        foreach (var entity in manifest.Entities)
        {
            table.AddRow(entity.Entity, $"{entity.Read:N0}", $"{entity.Landed:N0}", entity.Quarantined == 0 ? "0" : $"[yellow]{entity.Quarantined:N0}[/]", $"{entity.Bytes:N0}");
        }

        console.Write(table);
        console.MarkupLineInterpolated($"lake: {layout.Raw}");
        console.MarkupLineInterpolated($"manifest: {layout.Manifest(manifest.SnapshotDate)}");
        if (manifest.Entities.Any(e => e.Quarantined > 0))
        {
            console.MarkupLineInterpolated($"quarantined rows (file, line, field, value, reason): {layout.QuarantineRoot}");
        }
    }
}
