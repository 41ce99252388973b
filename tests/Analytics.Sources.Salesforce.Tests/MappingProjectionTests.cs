using Analytics.Sources.Salesforce.Tests.Fixtures;

namespace Analytics.Sources.Salesforce.Tests;

public sealed class MappingProjectionTests
{
    [Fact]
    public async Task The_default_mapping_lands_a_tiny_org_with_value_maps_lookups_unions_a_derived_stage_index_and_collapsed_history()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        var landed = await harness.ExtractAsync(new DateOnly(2026, 3, 2));

        var partner = Assert.Single(landed.Rows["partners"]);
        Assert.StartsWith("001P1|Northwind Resellers|reseller|elite|emea|software|pam@example.com|", partner, StringComparison.Ordinal);
        Assert.Equal(["001C1|Contoso|contoso.example|emea|mid_market|rep@example.com|001P1"], landed.Rows["accounts"]);
        Assert.Collection(landed.Rows["opportunities"],
            o => Assert.StartsWith("006O1|001C1|Contoso platform|new_business|reseller|configure_quote|3|False|False|", o, StringComparison.Ordinal),
            o => Assert.StartsWith("006O2|001C1|Contoso renewal|renewal|direct|closed_won|6|True|True|", o, StringComparison.Ordinal));
        Assert.Equal(
            ["006O1|deal_registration|1", "006O1|qualification|2", "006O1|configure_quote|3", "006O2|discovery|1", "006O2|closed_won|6"],
            landed.Rows["stage_history"].Select(r => string.Join('|', r.Split('|')[..3])));
        var registration = Assert.Single(landed.Rows["deal_registrations"]).Split('|');
        Assert.Equal(["00QD1", "001P1", "001C1", "Contoso", "contoso.example", "006O1"], registration[..6]);
        Assert.StartsWith("01/11/2026", registration[6], StringComparison.Ordinal);   // the latest approval process: t - 50 days
        Assert.StartsWith("01/13/2026", registration[7], StringComparison.Ordinal);
        Assert.Equal("converted", registration[8]);
        Assert.Equal("1", registration[12]);
        Assert.StartsWith("00QL1|001P1|Fabrikam|fabrikam.example|", Assert.Single(landed.Rows["lead_registrations"]), StringComparison.Ordinal);
        Assert.Equal(["00TT1|006O1|001P1|call", "00TT2|006O1||note", "00UE1|006O1|001P1|meeting"],
            landed.Rows["activities"].Select(r => string.Join('|', r.Split('|')[..4])));
        Assert.StartsWith("006O1|001P1|reseller|sourced|100", Assert.Single(landed.Rows["opportunity_partners"]), StringComparison.Ordinal);
        Assert.StartsWith("a03S1|001P1|001C1|4|", Assert.Single(landed.Rows["csat_responses"]), StringComparison.Ordinal);
        Assert.Single(landed.Rows["certifications"]);
        Assert.Single(landed.Rows["partner_proofs"]);
        Assert.Single(landed.Rows["conflicts"]);
        Assert.All(landed.Quarantine.Values, Assert.Empty);
    }

    [Fact]
    public async Task A_value_the_map_does_not_know_passes_through_and_is_quarantined_naming_the_object_and_record_id()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Org.Insert("Opportunity", PrmOrg.Row(("Id", "006O3"), ("AccountId", "001C1"), ("Name", "Odd stage"), ("Type", "New Customer"),
            ("Partner_Motion__c", "direct"), ("StageName", "Negotiation/Review"), ("IsClosed", false), ("IsWon", false), ("Amount", 1000m),
            ("CloseDate", new DateOnly(2026, 6, 30)), ("OwnerId", "005U2"), ("Conflict_Status__c", "none")));

        var landed = await harness.ExtractAsync(new DateOnly(2026, 3, 2));

        var quarantined = Assert.Single(landed.Quarantine["opportunities"]);
        Assert.StartsWith("salesforce Opportunity|3|stage|Negotiation/Review|", quarantined, StringComparison.Ordinal);
        Assert.Contains("(Opportunity 006O3)", quarantined, StringComparison.Ordinal);
        var opportunities = landed.Manifest.Entities.Single(e => e.Entity == "opportunities");
        Assert.Equal((3, 2, 1), (opportunities.Read, opportunities.Landed, opportunities.Quarantined));
    }

    [Fact]
    public async Task A_history_stage_from_an_earlier_motion_takes_the_index_every_motion_agrees_on_and_an_ambiguous_one_is_quarantined()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var t = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        harness.Org.Insert("OpportunityHistory", PrmOrg.Row(("Id", "008H8"), ("OpportunityId", "006O2"), ("StageName", "Deal Registration"), ("CreatedDate", t)));
        harness.Org.Insert("OpportunityHistory", PrmOrg.Row(("Id", "008H9"), ("OpportunityId", "006O2"), ("StageName", "Commercials"), ("CreatedDate", t.AddDays(1))));

        var landed = await harness.ExtractAsync(new DateOnly(2026, 3, 2));

        Assert.Contains(landed.Rows["stage_history"], r => r.StartsWith("006O2|deal_registration|1|", StringComparison.Ordinal));
        var quarantined = Assert.Single(landed.Quarantine["stage_history"]);
        Assert.Contains("stage_index", quarantined, StringComparison.Ordinal);
        Assert.Contains("(OpportunityHistory 008H9)", quarantined, StringComparison.Ordinal);
    }
}
