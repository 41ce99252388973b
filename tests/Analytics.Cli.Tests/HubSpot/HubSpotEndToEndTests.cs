using Analytics.Cli.Tests.Salesforce;
using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.HubSpot;

/// <summary>
/// The HubSpot source end to end through the command line, against the contract server seeded from the demo CRM: what it
/// lands must build the same marts as the demo source itself.
/// </summary>
public sealed class HubSpotEndToEndTests
{
    private static readonly string Day = SeededOrgs.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Analytics_run_from_a_HubSpot_portal_seeded_from_the_demo_CRM_builds_marts_identical_to_the_demo_source()
    {
        using var demo = new TempDirectory();
        var demoWarehouse = DemoBaseline.Build(demo);

        await using var hubspot = await HubSpotWorkspace.StartAsync();
        var (code, output) = hubspot.Invoke("run", "--config", hubspot.HubSpotConfig(), "--date", Day);
        Succeeds((code, output));
        Assert.Contains("hubspot (http://127.0.0.1:", output);

        var (tables, differences) = MartsComparison.Compare(demoWarehouse, hubspot.Warehouse);
        var demoCounts = DemoBaseline.Counts(new LakeLayout(demo.Combine("data", "lake")));
        var hubspotCounts = DemoBaseline.Counts(new LakeLayout(hubspot.Lake));
        Assert.True(demoCounts.SequenceEqual(hubspotCounts) && differences.Count == 0,
            $"landed (demo | hubspot):\n{string.Join("\n", demoCounts.Zip(hubspotCounts, (d, s) => $"{d} | {s}"))}\n"
            + $"quarantined from hubspot:\n{SalesforceEndToEndTests.Quarantined(hubspot.Lake)}marts that differ:\n{string.Join("\n", differences)}\n"
            + $"staging tables that differ:\n{string.Join("\n", MartsComparison.Compare(demoWarehouse, hubspot.Warehouse, "staging").Differences)}");
        Assert.True(tables.Count >= 20, $"only {tables.Count} marts tables: {string.Join(", ", tables)}");
        // Lists with after paging, stage history, v4 associations with labels, pipelines and owners were all read.
        var requests = hubspot.Server.Requests;
        Assert.Contains(requests, r => r.Path == "/crm/v3/objects/deals" && r.Query.Contains("propertiesWithHistory=dealstage", StringComparison.Ordinal) && r.Query.Contains("after=", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path == "/crm/v4/associations/deals/companies/batch/read");
        Assert.Contains(requests, r => r.Path == "/crm/v3/pipelines/deals");
        Assert.Contains(requests, r => r.Path == "/crm/v3/owners");
    }

    private static void Succeeds((int Code, string Output) result) => Assert.True(result.Code == ExitCodes.Success, result.Output);
}
