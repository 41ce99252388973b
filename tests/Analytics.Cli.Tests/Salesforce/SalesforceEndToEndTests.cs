using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>
/// The Salesforce source end to end through the command line, against the contract server seeded from the demo CRM:
/// what it lands must build the same marts as the demo source itself.
/// </summary>
public sealed class SalesforceEndToEndTests
{
    private static readonly string Day = SeededOrgs.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Analytics_run_from_a_Salesforce_org_seeded_from_the_demo_CRM_builds_marts_identical_to_the_demo_source()
    {
        using var demo = new TempDirectory();
        var demoWarehouse = DemoBaseline.Build(demo);

        await using var salesforce = await SalesforceWorkspace.StartAsync();
        var config = salesforce.SalesforceConfig();
        var (code, output) = salesforce.Invoke("run", "--config", config, "--date", Day);
        Succeeds((code, output));
        Assert.Contains("salesforce (http://127.0.0.1:", output);

        // The same rows landed per entity (nothing quarantined on either side), then the same marts, table by table.
        var (tables, differences) = MartsComparison.Compare(demoWarehouse, salesforce.Warehouse);
        var demoCounts = DemoBaseline.Counts(new LakeLayout(demo.Combine("data", "lake")));
        var salesforceCounts = DemoBaseline.Counts(new LakeLayout(salesforce.Lake));
        Assert.True(demoCounts.SequenceEqual(salesforceCounts) && differences.Count == 0,
            $"landed (demo | salesforce):\n{string.Join("\n", demoCounts.Zip(salesforceCounts, (d, s) => $"{d} | {s}"))}\n"
            + $"quarantined from salesforce:\n{Quarantined(salesforce.Lake)}marts that differ:\n{string.Join("\n", differences)}\n"
            + $"staging tables that differ (the lake as read by the warehouse):\n{string.Join("\n", MartsComparison.Compare(demoWarehouse, salesforce.Warehouse, "staging").Differences)}");
        Assert.True(tables.Count >= 20, $"only {tables.Count} marts tables: {string.Join(", ", tables)}");
        // Both Bulk 2.0 (objects above bulk_threshold) and REST with several pages were used.
        Assert.Contains(salesforce.Server.Requests, r => r.Path.Contains("/jobs/query", StringComparison.Ordinal));
        Assert.Contains(salesforce.Server.Requests, r => r.Path.Contains("/query/", StringComparison.Ordinal) && !r.Path.Contains("/jobs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_run_from_Salesforce_on_an_empty_lake_lands_only_its_date_and_says_it_cannot_travel_back_in_time()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync();
        var config = salesforce.SalesforceConfig();

        var (code, output) = salesforce.Invoke("run", "--config", config, "--date", Day);

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("cannot travel back in time and holds no earlier snapshot", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
        Assert.Contains($"only the snapshot of {Day} is landed", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
        Assert.Equal([SeededOrgs.Day], new LakeLayout(salesforce.Lake).LandedDates());
    }

    private static void Succeeds((int Code, string Output) result) => Assert.True(result.Code == ExitCodes.Success, result.Output);

    /// <summary>Every quarantined row of the lake (entity, then the row as text), to say why counts differ.</summary>
    internal static string Quarantined(string lake)
    {
        var files = Directory.Exists(Path.Combine(lake, "quarantine")) ? Directory.GetFiles(Path.Combine(lake, "quarantine"), "*.parquet", SearchOption.AllDirectories) : [];
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var lines = new List<string>();
        foreach (var file in files)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"select q::varchar from read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}') q limit 20";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add($"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))}: {reader.GetString(0)}");
            }
        }

        return string.Join("\n", lines) + "\n";
    }
}
