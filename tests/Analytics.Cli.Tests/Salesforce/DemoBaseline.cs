using System.Globalization;
using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>
/// What a seeded source's end-to-end run is compared with: the demo source itself (seed and scale of
/// <see cref="SeededOrgs"/>) run with `analytics run` for <see cref="SeededOrgs.Day"/> in a folder of its own.
/// </summary>
internal static class DemoBaseline
{
    /// <summary>Lands and builds the demo CRM's snapshot of the day in <paramref name="folder"/>; returns its warehouse file.</summary>
    public static string Build(TempDirectory folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var config = folder.Combine("pipeline.yaml");
        File.WriteAllText(config, $"""
            source:
              kind: demo
              demo:
                seed: {SeededOrgs.Seed}
                scale: {SeededOrgs.Scale.ToString(CultureInfo.InvariantCulture)}
            transform:
              models: {TestWarehouse.TransformsFolder}
            """);
        // The demo CRM can travel back in time, so a run on an empty lake would backfill 18 months first; a CRM that holds
        // only its present lands only the run's date. Landing the date first makes the demo's run land only it too.
        var day = SeededOrgs.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var command in new[] { "extract", "run" })
        {
            var (code, output) = CliRun.Invoke(command, "--config", config, "--date", day);
            Assert.True(code == ExitCodes.Success, output);
        }

        return folder.Combine("data", "warehouse", "analytics.duckdb");
    }

    /// <summary>Per entity of the day's manifest in <paramref name="lake"/>: read, landed, quarantined.</summary>
    public static List<string> Counts(LakeLayout lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var manifest = SnapshotPublisher.ReadManifest(lake, SeededOrgs.Day)!;
        return manifest.Entities.Select(e => $"{e.Entity}: read {e.Read}, landed {e.Landed}, quarantined {e.Quarantined}").ToList();
    }
}
