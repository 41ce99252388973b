using Analytics.Pipelines.Configuration;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Mapping;

namespace Analytics.Sources.HubSpot.Tests.Configuration;

public sealed class HubSpotSourceConfigSectionTests
{
    private static readonly string File = Path.Combine(Path.GetTempPath(), "cfg", "pipeline.yaml");

    private static HubSpotSourceConfig Parse(string yaml) =>
        PipelineConfigLoader.Parse(yaml, File, HubSpotSourceConfigExtensions.Sections).Source.HubSpot;

    [Fact]
    public void Without_a_hubspot_section_the_documented_defaults_apply()
    {
        var config = Parse("source:\n  kind: demo\n");

        Assert.Equal(new Uri("https://api.hubapi.com/"), config.Connection.BaseUrl);
        Assert.Equal("HUBSPOT_TOKEN", config.Connection.TokenVariable);
        Assert.Equal("crm/v3/objects", config.Connection.ApiPrefix);
        Assert.Equal(TimeSpan.FromMinutes(10), config.Lookback);
        Assert.Equal(10_000, config.Connection.SearchCap);
        Assert.Equal("partner_type", config.Partners.Property);
        Assert.Equal("sourced", config.Attribution.Labels["Sourced partner"]);
        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "cfg", "data/sources/hubspot")), config.StateFolder);
        Assert.Same(HubSpotMapping.Default.For(Pipelines.Crm.CrmSchema.Opportunities), config.Mapping.For(Pipelines.Crm.CrmSchema.Opportunities));
        Assert.Equal("dealstage", config.Mapping.StageProperty);
    }

    [Fact]
    public void The_dated_api_prefix_is_accepted()
    {
        var config = Parse("source:\n  hubspot:\n    api_prefix: crm/objects/2026-03\n");

        Assert.Equal("crm/objects/2026-03", config.Connection.ApiPrefix);
    }

    [Theory]
    [InlineData("    api_prefix: crm/v4/objects", "'source.hubspot.api_prefix' must be crm/v3/objects or a dated prefix such as crm/objects/2026-03")]
    [InlineData("    base_url: http://api.hubapi.com", "'source.hubspot.base_url' must be an https URL")]
    [InlineData("    token_variable: pat-na1-123", "'source.hubspot.token_variable' 'pat-na1-123' is not an environment variable name")]
    [InlineData("    attribution:\n      labels: { Partner: primary }", "must be sourced, influenced or none")]
    [InlineData("    partners: { property: partner_type, by_association_label: true }", "exclude each other")]
    [InlineData("    pipelines:\n      \"1\": { motion: wholesale }", "'source.hubspot.pipelines.1.motion' must be one of direct, referral")]
    [InlineData("    pipelines:\n      \"1\": { stages: { \"11\": won } }", "must be one of our stages")]
    [InlineData("    mapping:\n      accounts: { object: deals, where: partners, columns: {} }", "partners and customers select companies")]
    [InlineData("    mapping:\n      conflicts: { object: p_channel_conflicts, columns: { conflict_id: id } }", "must map the required column account_id")]
    [InlineData("    search_requests_per_second: 9", "'source.hubspot.search_requests_per_second' must be a number from 0.1 to 5")]
    [InlineData("    tokne_variable: X", "unknown key 'tokne_variable' under 'source.hubspot'")]
    public void A_bad_value_is_refused_with_a_message_naming_the_key(string lines, string expected)
    {
        var failure = Assert.Throws<ConfigurationException>(() => Parse($"source:\n  hubspot:\n{lines}\n"));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
