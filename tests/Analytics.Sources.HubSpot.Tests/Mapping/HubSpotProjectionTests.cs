using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Tests.Fixtures;
using Analytics.TestSupport.HubSpot;

namespace Analytics.Sources.HubSpot.Tests.Mapping;

public sealed class HubSpotProjectionTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public async Task The_default_mapping_lands_every_entity_the_portal_holds()
    {
        await using var harness = await HubSpotHarness.StartAsync();

        var landed = await harness.ExtractAsync(Day);

        Assert.Equal(["9001", "9002"], landed.Rows["partners"].Select(r => r.Split('|')[0]));
        Assert.StartsWith("9001|Northwind Partners|referral|select|emea|software|ana@example.com|", landed.Rows["partners"][0], StringComparison.Ordinal);
        Assert.Equal(["5001|Acme|acme.example|emea|mid_market|ben@example.com|", "5002|Globex|globex.example|na|enterprise|ben@example.com|9002"], landed.Rows["accounts"]);
        // The stage and its index come from the pipeline stage id; the account is the primary company.
        Assert.True(landed.Rows["opportunities"][0].StartsWith("3001|5001|Deal 3001|new_business|referral|validate|2|False|False|50000.00|", StringComparison.Ordinal), landed.Rows["opportunities"][0]);
        Assert.StartsWith("3002|5002|Deal 3002|new_business|direct|proposal|3|", landed.Rows["opportunities"][1], StringComparison.Ordinal);
        // Partner rows: the labelled associations only (not the unlabelled 341 beside them), pct and role per partner.
        Assert.Equal(
            ["3001|9001|referral|sourced|100.00|", "3003|9001|referral|influenced|60.00|", "3003|9002|reseller|influenced|40.00|"],
            landed.Rows["opportunity_partners"].Select(r => string.Join('|', r.Split('|')[..5]) + "|"));
        Assert.Equal(
            ["3001|intro_logged|1", "3001|validate|2", "3002|discovery|1", "3002|qualification|2", "3002|proposal|3", "3003|intro_logged|1"],
            landed.Rows["stage_history"].Select(r => string.Join('|', r.Split('|')[..3])));
        Assert.StartsWith("8001|3003|9001|meeting|", Assert.Single(landed.Rows["activities"]), StringComparison.Ordinal);
        Assert.StartsWith("6001|9002|eve@contoso.example|Sales Pro|", Assert.Single(landed.Rows["certifications"]), StringComparison.Ordinal);
        Assert.All(landed.Quarantine.Values, Assert.Empty);
    }

    [Fact]
    public async Task Partners_can_be_the_companies_any_deal_is_associated_with_under_a_partner_label()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Portal.SetQuietly("companies", "5001", ("partner_type", "services")); // a property set by mistake on a customer

        var byProperty = await harness.ExtractAsync(Day, harness.Config(harness.Temp.Combine("state-property")));
        var byLabel = await harness.ExtractAsync(Day, harness.Config(harness.Temp.Combine("state-label"), partners: new PartnerRule(null, true)));

        // 5001 is read as a partner, and quarantined for lacking a partner's tier, status and joined date.
        Assert.Equal(["9001", "9002"], byProperty.Rows["partners"].Select(r => r.Split('|')[0]));
        Assert.Contains(byProperty.Quarantine["partners"], q => q.Contains("companies 5001", StringComparison.Ordinal));
        Assert.DoesNotContain(byProperty.Rows["accounts"], r => r.StartsWith("5001|", StringComparison.Ordinal));
        Assert.Equal(["9001", "9002"], byLabel.Rows["partners"].Select(r => r.Split('|')[0]));
        Assert.Equal(["5001", "5002"], byLabel.Rows["accounts"].Select(r => r.Split('|')[0]));
    }

    [Fact]
    public async Task Unknown_stages_missing_required_values_and_wrong_types_are_quarantined_with_the_HubSpot_record_id()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Portal.Upsert("deals", "3001", ("dealstage", "mystery_stage"));
        harness.Portal.Upsert("deals", "3002", ("dealname", null));
        harness.Portal.Upsert("deals", "3003", ("amount", "lots"));
        harness.Portal.Upsert("p_certifications", "6001", ("earned_at", "yesterday"));

        var landed = await harness.ExtractAsync(Day);

        Assert.Empty(landed.Rows["opportunities"]);
        var quarantined = landed.Quarantine["opportunities"];
        Assert.Equal(3, quarantined.Count);
        Assert.Contains(quarantined, q => q.Contains("|stage|mystery_stage|", StringComparison.Ordinal) && q.Contains("deals 3001", StringComparison.Ordinal));
        Assert.Contains(quarantined, q => q.Contains("|name|", StringComparison.Ordinal) && q.Contains("deals 3002", StringComparison.Ordinal));
        Assert.Contains(quarantined, q => q.Contains("|arr|lots|", StringComparison.Ordinal) && q.Contains("deals 3003", StringComparison.Ordinal));
        Assert.Contains("p_certifications 6001", Assert.Single(landed.Quarantine["certifications"]), StringComparison.Ordinal);
        // read = landed + quarantined, per entity, in the manifest.
        Assert.All(landed.Manifest.Entities, e => Assert.Equal(e.Read, e.Landed + e.Quarantined));
        // The unknown stage id in the history is quarantined too; the other entries land.
        Assert.Contains(landed.Quarantine["stage_history"], q => q.Contains("mystery_stage", StringComparison.Ordinal) && q.Contains("deals 3001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pipeline_whose_label_is_no_motion_is_reported_and_maps_once_configured()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Portal.Pipelines.Add(new PortalPipeline("77", "EMEA channel", [("701", "Registered"), ("702", "Qualified"), ("703", "Won")]));
        harness.Portal.Upsert("deals", "3001", ("partner_motion", "reseller"), ("pipeline", "77"), ("dealstage", "702"));

        var unmapped = await harness.ExtractAsync(Day, harness.Config(harness.Temp.Combine("state-a")));
        var configured = await harness.ExtractAsync(Day, harness.Config(harness.Temp.Combine("state-b"), pipelines: new Dictionary<string, PipelineOverride>
        {
            ["77"] = new("reseller", new Dictionary<string, string> { ["701"] = "deal_registration", ["702"] = "qualification", ["703"] = "closed_won" }),
        }));

        Assert.Contains(harness.Progress, p => p.Contains("pipeline 77 'EMEA channel': no motion", StringComparison.Ordinal));
        Assert.Contains(unmapped.Quarantine["opportunities"], q => q.Contains("deals 3001", StringComparison.Ordinal));
        Assert.True(configured.Rows["opportunities"].Any(r => r.StartsWith("3001|5001|Deal 3001|new_business|reseller|qualification|2|", StringComparison.Ordinal)), string.Join("\n", configured.Rows["opportunities"].Concat(configured.Quarantine["opportunities"])));
    }
}
