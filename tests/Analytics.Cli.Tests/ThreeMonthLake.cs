
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

/// <summary>A demo lake of three months (scale 0.05) that `analytics run` has extracted, transformed, scored, reported and
/// emailed once; shared by the test classes of the collection so the run happens once.</summary>
public sealed class ThreeMonthLake : IDisposable
{
    public const string Collection = "three-month lake";

    public ThreeMonthLake()
    {
        Config = Directory.Combine("pipeline.yaml");
        File.WriteAllText(Config, $"""
            source:
              demo:
                scale: 0.05
            backfill:
              months: 3
              every: week
            transform:
              models: {TestWarehouse.TransformsFolder}
            models:
              stalled_deal:
                evaluation_weeks: 3
            """);
        (RunCode, RunOutput) = CliRun.Invoke("run", "--config", Config, "--date", "2026-09-30");
    }

    public TempDirectory Directory { get; } = new();

    public string Config { get; }

    public int RunCode { get; }

    public string RunOutput { get; }

    public string Warehouse => Directory.Combine("data", "warehouse", "analytics.duckdb");

    public void Dispose() => Directory.Dispose();
}

[CollectionDefinition(ThreeMonthLake.Collection)]
public sealed class ThreeMonthLakeCollection : ICollectionFixture<ThreeMonthLake>;
