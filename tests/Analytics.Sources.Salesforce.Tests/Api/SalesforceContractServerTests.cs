using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests.Api;

/// <summary>The contract server's shapes as raw HTTP, so the client's tests rest on the documented formats.</summary>
public sealed class SalesforceContractServerTests
{
    [Fact]
    public async Task Query_records_nest_parents_write_colonless_offsets_and_carry_the_limit_header()
    {
        await using var org = await ContractOrg.StartAsync();
        using var http = await SignedInAsync(org);

        using var response = await http.GetAsync("services/data/v66.0/query?q=" + Uri.EscapeDataString("SELECT Id, CreatedDate, CloseDate, Amount, Owner.Email, Account.Owner.Email FROM Opportunity WHERE Id IN ('00604', '00605') ORDER BY Id"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^api-usage=\d+/100000$", response.Headers.GetValues("Sforce-Limit-Info").Single());
        var records = json.RootElement.GetProperty("records");
        Assert.Equal(2, json.RootElement.GetProperty("totalSize").GetInt32());
        Assert.True(json.RootElement.GetProperty("done").GetBoolean());
        Assert.Equal("Opportunity", records[0].GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal("2026-06-30T10:00:04.123+0000", records[0].GetProperty("CreatedDate").GetString());
        Assert.Equal("2026-12-04", records[0].GetProperty("CloseDate").GetString());
        Assert.Equal(JsonValueKind.Null, records[0].GetProperty("Amount").ValueKind);
        Assert.Equal("ben@example.com", records[0].GetProperty("Account").GetProperty("Owner").GetProperty("Email").GetString());
        Assert.Equal("User", records[0].GetProperty("Owner").GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, records[1].GetProperty("Owner").ValueKind);
        Assert.Equal(5002.5m, records[1].GetProperty("Amount").GetDecimal());
    }

    [Fact]
    public async Task Errors_are_JSON_arrays_with_an_error_code()
    {
        await using var org = await ContractOrg.StartAsync();
        using var http = await SignedInAsync(org);

        var unknown = await ErrorAsync(http, "SELECT Id, Foo__c FROM Opportunity");
        var malformed = await ErrorAsync(http, "SELECT Id FROM Opportunity WHERE");
        var type = await ErrorAsync(http, "SELECT Id FROM Nothing__c");
        using var anonymous = new HttpClient { BaseAddress = org.Server.BaseUrl };
        using var unauthorised = await anonymous.GetAsync("services/data/v66.0/limits");

        Assert.Equal((400, "INVALID_FIELD"), (unknown.Status, unknown.Code));
        Assert.StartsWith("No such column 'Foo__c' on entity 'Opportunity'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((400, "MALFORMED_QUERY"), (malformed.Status, malformed.Code));
        Assert.Equal((400, "INVALID_TYPE"), (type.Status, type.Code));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Contains("INVALID_SESSION_ID", await unauthorised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name = 'Deal 1'", "00601")]
    [InlineData("Name = 'deal 1'", "00601")]
    [InlineData("Name IN ('Deal 1', 'Deal 2') AND NOT Name = 'Deal 2'", "00601")]
    [InlineData("Name NOT IN ('Deal 1', 'Deal 2', 'Deal 4', 'Deal 5', 'Deal 6')", "00603")]
    [InlineData("Name = 'Multi\\nline, quoted'", "00603")]
    [InlineData("Amount = null", "00604")]
    [InlineData("Owner.Email = null", "00605")]
    [InlineData("Amount > 6000 OR (IsWon = true AND Amount < 4000)", "00603,00606")]
    [InlineData("CloseDate >= 2026-12-05 AND CreatedDate < 2026-06-30T10:00:06Z", "00605")]
    [InlineData("Owner.Email != 'ana@example.com'", "00605")]
    [InlineData("Account.Owner.Email <> null", "00602,00604,00606")]
    public async Task The_SOQL_subset_filters_as_Salesforce_does(string where, string ids)
    {
        await using var org = await ContractOrg.StartAsync();
        using var http = await SignedInAsync(org);

        using var response = await http.GetAsync("services/data/v66.0/query?q=" + Uri.EscapeDataString($"SELECT Id FROM Opportunity WHERE {where} ORDER BY Id"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ids, string.Join(',', json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString())));
    }

    [Fact]
    public async Task A_Bulk_job_moves_from_UploadComplete_through_InProgress_to_JobComplete_and_pages_its_CSV()
    {
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { BulkPageSize = 4, BulkPollsToComplete = 2 });
        using var http = await SignedInAsync(org);

        using var created = await http.PostAsync("services/data/v66.0/jobs/query", new StringContent("""{"operation":"query","query":"SELECT Id, Name, CreatedDate, Owner.Email FROM Opportunity ORDER BY Id"}""", MediaTypeHeaderValue.Parse("application/json")));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var states = new List<string?> { JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString() };
        for (var i = 0; i < 2; i++)
        {
            states.Add(JsonDocument.Parse(await http.GetStringAsync($"services/data/v66.0/jobs/query/{id}")).RootElement.GetProperty("state").GetString());
        }

        using var first = await http.GetAsync($"services/data/v66.0/jobs/query/{id}/results");
        var locator = first.Headers.GetValues("Sforce-Locator").Single();
        using var second = await http.GetAsync($"services/data/v66.0/jobs/query/{id}/results?locator={locator}");
        var firstCsv = await first.Content.ReadAsStringAsync();

        Assert.Equal(["UploadComplete", "InProgress", "JobComplete"], states);
        Assert.Equal("4", first.Headers.GetValues("Sforce-NumberOfRecords").Single());
        Assert.Equal("null", second.Headers.GetValues("Sforce-Locator").Single());
        Assert.Equal("2", second.Headers.GetValues("Sforce-NumberOfRecords").Single());
        Assert.StartsWith("Id,Name,CreatedDate,Owner.Email\n00601,Deal 1,2026-06-30T10:00:01.123Z,ana@example.com\n", firstCsv, StringComparison.Ordinal);
        Assert.Contains("00603,\"Multi\nline, quoted\",", firstCsv, StringComparison.Ordinal);
        Assert.StartsWith("Id,Name,CreatedDate,Owner.Email\n00605,Deal 5,2026-06-30T10:00:05.123Z,\n", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_grant_with_an_OAuth_error_body()
    {
        await using var org = await ContractOrg.StartAsync();
        using var http = new HttpClient { BaseAddress = org.Server.BaseUrl };

        using var response = await http.PostAsync("services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl",
        }));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", json.RootElement.GetProperty("error").GetString());
    }

    private static async Task<HttpClient> SignedInAsync(ContractOrg org)
    {
        var http = new HttpClient { BaseAddress = org.Server.BaseUrl };
        using var token = await http.PostAsync("services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = org.Server.ClientId,
            ["client_secret"] = org.Server.ClientSecret,
        }));
        var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private static async Task<(int Status, string? Code, string Message)> ErrorAsync(HttpClient http, string soql)
    {
        using var response = await http.GetAsync("services/data/v66.0/query?q=" + Uri.EscapeDataString(soql));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = json.RootElement[0];
        return ((int)response.StatusCode, first.GetProperty("errorCode").GetString(), first.GetProperty("message").GetString()!);
    }
}
