using Analytics.Sources.Salesforce.Api;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class SalesforceClientQueryTests
{
    [Fact]
    public async Task A_query_over_three_pages_returns_every_live_row_once_as_canonical_texts()
    {
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { QueryBatchSize = 2 });
        using var client = org.Client();

        var rows = await ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, includeDeleted: false, default));

        Assert.Equal(["00601", "00602", "00603", "00604", "00605", "00606"], rows.Select(r => r[0]));
        Assert.Equal(1, org.Count("/query") - org.Count("/query/"));
        Assert.Equal(2, org.Count("/query/"));
        Assert.Equal<IEnumerable<string?>>(["00602", "Deal 2", "2001", "2026-12-02", "false", "2026-06-30T10:00:02.123Z", "ana@example.com", "ben@example.com"], rows[1]);
        Assert.Equal("Multi\nline, quoted", rows[2][1]);
        Assert.Equal("true", rows[2][4]);
        Assert.Null(rows[3][2]);
        Assert.Null(rows[4][6]);
        Assert.Null(rows[0][7]);
    }

    [Fact]
    public async Task QueryAll_returns_deleted_rows_and_query_does_not()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        SelectedField[] fields = [new("Id", SalesforceValueType.Text), new("IsDeleted", SalesforceValueType.Boolean), new("SystemModstamp", SalesforceValueType.DateTime)];

        var live = await ContractOrg.ToListAsync(client.QueryAsync("SELECT Id, IsDeleted, SystemModstamp FROM Opportunity WHERE Id IN ('00606', '00607')", fields, false, default));
        var all = await ContractOrg.ToListAsync(client.QueryAsync("SELECT Id, IsDeleted, SystemModstamp FROM Opportunity WHERE Id IN ('00606', '00607')", fields, true, default));

        Assert.Equal([["00606", "false", "2026-11-23T07:00:00.000Z"]], live);
        Assert.Equal(["00606", "00607"], all.Select(r => r[0]).Order());
        Assert.Equal<IEnumerable<string?>>(["true", "2026-11-23T08:00:00.000Z"], all.Single(r => r[0] == "00607")[1..]);
        Assert.Contains(org.Server.Requests, r => r.Path.EndsWith("/queryAll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_on_relationship_paths_dates_and_numbers_select_the_right_rows()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        SelectedField[] id = [new("Id", SalesforceValueType.Text)];

        var rows = await ContractOrg.ToListAsync(client.QueryAsync(
            "SELECT Id FROM Opportunity WHERE (Account.Owner.Email = 'BEN@example.com' AND NOT Amount = null) OR (CreatedDate >= 2026-06-30T10:00:05.000+0000 AND CloseDate < 2026-12-06) ORDER BY Id DESC LIMIT 3",
            id,
            false,
            default));

        Assert.Equal(["00606", "00605", "00602"], rows.Select(r => r[0]));
    }

    [Fact]
    public async Task Count_counts_live_rows_and_with_deleted_rows_all_of_them()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();

        Assert.Equal(6, await client.CountAsync("Opportunity", null, includeDeleted: false, default));
        Assert.Equal(7, await client.CountAsync("Opportunity", null, includeDeleted: true, default));
        Assert.Equal(2, await client.CountAsync("Opportunity", "IsWon = true", includeDeleted: false, default));
    }

    [Fact]
    public async Task Describe_lists_fields_with_relationships_and_a_missing_object_is_null()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();

        var opportunity = await client.DescribeAsync("Opportunity", default);
        var missing = await client.DescribeAsync("Partner_Proof__c", default);

        Assert.NotNull(opportunity);
        Assert.Equal("currency", opportunity.Field("amount")!.Type);
        Assert.Equal(("reference", "Owner", "User"), (opportunity.Field("OwnerId")!.Type, opportunity.Field("OwnerId")!.RelationshipName, opportunity.Field("OwnerId")!.ReferenceTo.Single()));
        Assert.NotNull(opportunity.Field("SystemModstamp"));
        Assert.Null(missing);
    }

    [Fact]
    public async Task The_deleted_resource_lists_deletions_in_the_span_with_its_horizon()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        await client.AuthenticateAsync(default);
        org.OrgClock.Advance(TimeSpan.FromMinutes(30));

        var deleted = await client.GetDeletedAsync("Opportunity", ContractOrg.Start, ContractOrg.Start.AddDays(1), default);
        var before = await client.GetDeletedAsync("Opportunity", ContractOrg.Start.AddDays(-3), ContractOrg.Start, default);

        Assert.Equal([new DeletedRecord("00607", ContractOrg.Start.AddHours(1))], deleted.Records);
        Assert.Equal(ContractOrg.Start.AddHours(1.5) - TimeSpan.FromDays(15), deleted.EarliestDateAvailable);
        Assert.Equal(ContractOrg.Start.AddHours(1.5), deleted.LatestDateCovered);
        Assert.Empty(before.Records);
    }
}
