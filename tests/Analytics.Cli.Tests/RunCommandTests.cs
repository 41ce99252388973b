using Analytics.Pipelines.Tests;
using Analytics.Pipelines.Tests.Transforms;

namespace Analytics.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_on_an_empty_lake_backfills_then_builds_the_warehouse_from_the_latest_snapshot()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, $"""
            source:
              demo:
                scale: 0.02
            backfill:
              months: 1
              every: week
            transform:
              models: {TestWarehouse.TransformsFolder}
            """);

        var (code, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("The lake is empty", output);
        Assert.Contains("snapshot 2026-09-30", output);
        Assert.Contains("run complete.", output);
        var warehouse = dir.Combine("data", "warehouse", "analytics.duckdb");
        Assert.Equal(new DateOnly(2026, 9, 30), WarehouseQuery.Scalar<DateOnly>(warehouse, "select snapshot_date from catalog.builds"));
        Assert.True(WarehouseQuery.Scalar<long>(warehouse, "select count(*) from staging.opportunities") > 0);
        Assert.Equal(5L, WarehouseQuery.Scalar<long>(warehouse, "select count(distinct snapshot_date) from staging.opportunities_as_of"));
    }
}
