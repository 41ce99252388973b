using Analytics.Sources.Salesforce.Mapping;
using Analytics.Sources.Salesforce.Tests.Fixtures;

namespace Analytics.Sources.Salesforce.Tests;

public sealed class SourceCheckTests
{
    [Fact]
    public async Task Source_check_reports_fields_found_and_missing_with_the_closest_names_counts_and_bulk_and_lands_nothing()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var opportunities = SalesforceMapping.Default.Entities["opportunities"].Sources[0];
        var typo = opportunities with
        {
            Columns = new Dictionary<string, ColumnMapping>(opportunities.Columns) { ["motion"] = new FieldColumn("Partner_Motoin__c") },
        };
        var mapping = SalesforceMapping.Default.With(new Dictionary<string, EntityMapping> { ["opportunities"] = new("opportunities", [typo]) });
        var check = new SourceCheck(harness.Config(bulkThreshold: 1, mapping: mapping), harness.Clock, null, harness.Environment);

        var report = await check.RunAsync(CancellationToken.None);

        Assert.False(report.CanWork);
        var opportunity = Assert.Single(report.Entities.Single(e => e.Entity == "opportunities").Objects);
        var missing = Assert.Single(opportunity.FieldsMissing);
        Assert.Equal("Partner_Motoin__c", missing.Path);
        Assert.Equal("Partner_Motion__c", missing.Closest[0]);
        Assert.Contains("Owner.Email", opportunity.FieldsFound);
        Assert.Equal(2, opportunity.RecordCount);
        Assert.True(opportunity.UsesBulk);
        var accounts = Assert.Single(report.Entities.Single(e => e.Entity == "accounts").Objects);
        Assert.True(accounts.CanWork);
        Assert.Equal(1, accounts.RecordCount);
        Assert.False(accounts.UsesBulk);
        Assert.Equal(["Lead", "ProcessInstance"], report.Entities.Single(e => e.Entity == "deal_registrations").Objects.Select(o => o.SObject));
        Assert.All(report.Entities.Where(e => e.Entity != "opportunities"), e => Assert.True(e.CanWork, e.Entity));
        Assert.NotNull(report.Usage);
        Assert.Equal("salesforce (" + harness.Server.BaseUrl.GetLeftPart(UriPartial.Authority) + ", API v66.0)", report.Description);
        Assert.False(Directory.Exists(harness.StateFolder));
    }

    [Fact]
    public async Task Source_check_against_the_default_mapping_of_a_complete_org_can_work()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        var report = await new SourceCheck(harness.Config(), harness.Clock, null, harness.Environment).RunAsync(CancellationToken.None);

        Assert.True(report.CanWork, string.Join("; ", report.Entities.SelectMany(e => e.Objects).SelectMany(o => o.FieldsMissing).Select(m => m.Reason)));
    }
}
