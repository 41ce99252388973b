using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.HubSpot;

/// <summary>The commented <c>hubspot:</c> example of the shipped pipeline.yaml is a working configuration once uncommented.</summary>
public sealed class ShippedHubSpotExampleTests
{
    [Fact]
    public void The_shipped_hubspot_example_loads_once_uncommented_with_its_pipeline_and_mapping_overrides()
    {
        var shipped = File.ReadAllLines(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"));
        var start = Array.FindIndex(shipped, l => l == "  # hubspot:");
        Assert.True(start > 0, "pipeline.yaml has no commented '  # hubspot:' block");
        var block = shipped.Skip(start).TakeWhile(l => l.StartsWith("  #", StringComparison.Ordinal)).Select(l => l.Length > 4 ? "  " + l[4..] : string.Empty);
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllLines(config, ["source:", "  kind: hubspot", .. block]);

        var loaded = PipelineConfigLoader.Load(config, PipelineConfigSections.All);

        Assert.Equal(SourceKind.HubSpot, loaded.Source.Kind);
        var hubspot = loaded.Source.HubSpot;
        Assert.Equal(new Uri("https://api.hubapi.com/"), hubspot.Connection.BaseUrl);
        Assert.Equal("HUBSPOT_TOKEN", hubspot.Connection.TokenVariable);
        Assert.Equal("crm/v3/objects", hubspot.Connection.ApiPrefix);
        Assert.Equal(TimeSpan.FromMilliseconds(250), hubspot.Connection.SearchInterval);
        Assert.Equal(Path.Combine(dir.Path, "data", "sources", "hubspot"), hubspot.StateFolder);
        Assert.Equal("partner_type", hubspot.Partners.Property);
        Assert.Null(hubspot.Attribution.Labels["Partner"]);
        Assert.Equal("reseller", hubspot.Pipelines["12345678"].Motion);
        Assert.Equal("closed_won", hubspot.Pipelines["12345678"].Stages["closedwon"]);
        Assert.Equal("2-41234567", hubspot.Mapping.For(Analytics.Pipelines.Crm.CrmSchema.Certifications).Sources.Single().Object);
    }
}
