using Analytics.Sources.Salesforce.Api;
using Analytics.TestSupport.Salesforce;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class SalesforceClientFaultTests
{
    [Fact]
    public async Task A_429_with_Retry_After_waits_that_long_then_reads_the_page()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        org.Server.Faults.Next("/query", ContractFault.TooManyRequests(TimeSpan.FromSeconds(75)));

        var rows = await ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default));

        Assert.Equal(6, rows.Count);
        Assert.Equal([TimeSpan.FromSeconds(75)], org.Clock.Waits);
        Assert.Equal([429, 200], org.Server.Requests.Where(r => r.Path.EndsWith("/query", StringComparison.Ordinal)).Select(r => r.Status));
        Assert.Contains(org.Progress, p => p.Contains("HTTP 429, Retry-After 75 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_the_request_until_the_fake_clock_has_moved_that_far()
    {
        await using var org = await ContractOrg.StartAsync();
        var clock = new FakeTimeProvider(ContractOrg.Now);
        using var client = org.Client(clock: clock);
        await client.AuthenticateAsync(default);
        org.Server.Faults.Next("/query", ContractFault.TooManyRequests(TimeSpan.FromSeconds(75)));

        var reading = ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default));
        for (var i = 0; i < 500 && !org.Progress.Any(p => p.Contains("in 75 s", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100);
        clock.Advance(TimeSpan.FromSeconds(74));
        await Task.Delay(200);
        var heldAt74Seconds = !reading.IsCompleted && org.Count("/query") == 1;
        clock.Advance(TimeSpan.FromSeconds(1));
        var rows = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(heldAt74Seconds);
        Assert.Equal(6, rows.Count);
        Assert.Equal(2, org.Count("/query"));
    }

    [Fact]
    public async Task A_503_twice_then_success_waits_the_policy_backoff()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        org.Server.Faults.Next("/describe", ContractFault.ServiceUnavailable(), times: 2);

        var description = await client.DescribeAsync("Opportunity", default);

        Assert.NotNull(description);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], org.Clock.Waits);
        Assert.Equal([503, 503, 200], org.Server.Requests.Where(r => r.Path.EndsWith("/describe", StringComparison.Ordinal)).Select(r => r.Status));
    }

    [Fact]
    public async Task A_503_that_outlasts_every_retry_is_a_transient_failure()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        org.Server.Faults.Next("/describe", ContractFault.ServiceUnavailable(), times: 5);

        var error = await Assert.ThrowsAsync<SalesforceException>(() => client.DescribeAsync("Opportunity", default));

        Assert.Equal(SalesforceErrorKind.Transient, error.Kind);
        Assert.Contains("after 5 attempts (HTTP 503)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_hangs_past_the_timeout_is_retried()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client(timeout: TimeSpan.FromMilliseconds(300));
        await client.AuthenticateAsync(default);
        org.Server.Faults.Next("/describe", ContractFault.Hang(TimeSpan.FromSeconds(20)));

        var description = await client.DescribeAsync("Opportunity", default);

        Assert.NotNull(description);
        Assert.Equal([TimeSpan.FromSeconds(2)], org.Clock.Waits);
        Assert.Contains(org.Progress, p => p.Contains("no answer within 0.3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_backoff_then_reported_as_transient()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var clock = new Analytics.TestSupport.Clocks.InstantWaitClock(ContractOrg.Now);
        using var client = new SalesforceClient(
            new SalesforceConnection(new Uri($"http://127.0.0.1:{port}/"), "66.0", new SalesforceAuth(SalesforceAuthFlow.ClientCredentials, null, null, null, "ID", "SECRET")),
            clock,
            environment: name => name == "ID" ? "client-id" : "client-secret-value");

        var error = await Assert.ThrowsAsync<SalesforceException>(() => client.AuthenticateAsync(default));

        Assert.Equal(SalesforceErrorKind.Transient, error.Kind);
        Assert.StartsWith("Salesforce did not answer the token request after 5 attempts (ConnectionError)", error.Message, StringComparison.Ordinal);
        Assert.Equal([2.0, 4, 8, 16], clock.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task An_unknown_field_names_the_object_and_field_and_what_to_fix()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        org.Server.Faults.HideField("Opportunity", "IsWon");

        var error = await Assert.ThrowsAsync<SalesforceException>(() => ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default)));
        var described = await client.DescribeAsync("Opportunity", default);

        Assert.Equal(SalesforceErrorKind.InvalidField, error.Kind);
        Assert.Equal(("Opportunity", "IsWon"), (error.SObject, error.Field));
        Assert.Equal("Opportunity.IsWon: no such field in the org (INVALID_FIELD). Fix the column that reads it in source.salesforce.mapping or grant the integration user field access.", error.Message);
        Assert.Null(described!.Field("IsWon"));
    }

    [Fact]
    public async Task A_malformed_query_and_an_unknown_object_are_one_clear_line_each()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        SelectedField[] id = [new("Id", SalesforceValueType.Text)];

        var malformed = await Assert.ThrowsAsync<SalesforceException>(() => ContractOrg.ToListAsync(client.QueryAsync("SELECT Id FROM Opportunity WHERE Amount >", id, false, default)));
        var unknown = await Assert.ThrowsAsync<SalesforceException>(() => ContractOrg.ToListAsync(client.QueryAsync("SELECT Id FROM Deal_Registration__c", id, false, default)));

        Assert.Equal(SalesforceErrorKind.MalformedQuery, malformed.Kind);
        Assert.StartsWith("Opportunity: Salesforce refused the query (MALFORMED_QUERY: ", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(SalesforceErrorKind.NotFound, unknown.Kind);
        Assert.StartsWith("Deal_Registration__c: no such object in the org", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_limit_exceeded_stops_at_once_as_a_quota_failure()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        org.Server.Faults.Next("/query", ContractFault.RequestLimitExceeded());

        var error = await Assert.ThrowsAsync<SalesforceException>(() => client.CountAsync("Opportunity", null, false, default));

        Assert.Equal(SalesforceErrorKind.QuotaReached, error.Kind);
        Assert.Contains("REQUEST_LIMIT_EXCEEDED", error.Message, StringComparison.Ordinal);
        Assert.Empty(org.Clock.Waits);
    }

    [Fact]
    public async Task Reaching_the_run_share_of_the_allowance_stops_before_the_next_request()
    {
        // 1,000 a day, 400 used already; a quarter is 250 calls for this run; pages of one row make 6 calls a query.
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { ApiAllowance = 1_000, ApiUsedAtStart = 400, QueryBatchSize = 1 });
        using var client = org.Client(maxApiShare: 0.25);
        var queries = 0;

        var error = await Assert.ThrowsAsync<SalesforceException>(async () =>
        {
            while (true)
            {
                queries++;
                await ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default));
            }
        });

        Assert.Equal(SalesforceErrorKind.QuotaReached, error.Kind);
        Assert.Equal("stopped before this run used more than 25 % of the daily API allowance (api-usage 650/1,000); the previous snapshot is kept (source.salesforce.max_api_share sets the share; the allowance is a rolling 24 hours)", error.Message);
        Assert.Equal(250, org.Count("/services/data/"));
        Assert.Equal(new ApiUsage(400, 650, 1_000), client.Usage);
        Assert.Equal(42, queries);
    }

    [Fact]
    public async Task Secrets_never_appear_in_messages_or_progress_even_when_the_server_echoes_them()
    {
        await using var org = await ContractOrg.StartAsync();
        var pem = await File.ReadAllTextAsync(org.Server.PrivateKeyPemPath);
        var keyLines = pem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        using var jwt = org.Client();
        await jwt.AuthenticateAsync(default);
        var jwtToken = org.Server.IssuedTokens.Single();
        using var credentials = org.Client(SalesforceAuthFlow.ClientCredentials);
        await credentials.AuthenticateAsync(default);
        var credentialsToken = org.Server.IssuedTokens.Single(t => t != jwtToken);
        var jwtEcho = $"echo: {jwtToken} {pem}";
        var credentialsEcho = $"echo: {credentialsToken} secret={org.Server.ClientSecret}";
        var errors = new List<SalesforceException>();

        org.Server.Faults.Next("/describe", ContractFault.Error(400, "INVALID_FIELD", jwtEcho));
        errors.Add(await Assert.ThrowsAsync<SalesforceException>(() => jwt.DescribeAsync("Opportunity", default)));
        org.Server.Faults.Next("/describe", ContractFault.Error(400, "UNKNOWN_EXCEPTION", string.Join(' ', keyLines.Skip(5)) + jwtToken));
        errors.Add(await Assert.ThrowsAsync<SalesforceException>(() => jwt.DescribeAsync("Opportunity", default)));
        org.Server.Faults.FailBulkJobs(jwtEcho);
        errors.Add(await Assert.ThrowsAsync<SalesforceException>(() => ContractOrg.ToListAsync(jwt.BulkQueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default))));
        org.Server.Faults.Next("/describe", ContractFault.Error(503, "SERVER_UNAVAILABLE", credentialsEcho), times: 5);
        errors.Add(await Assert.ThrowsAsync<SalesforceException>(() => credentials.DescribeAsync("Opportunity", default)));
        org.Server.Faults.ExpireSessions();
        org.Server.Faults.Next("/services/oauth2/token", new ContractFault(400, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = "invalid_grant", ["error_description"] = credentialsEcho })));
        errors.Add(await Assert.ThrowsAsync<SalesforceException>(() => credentials.DescribeAsync("Opportunity", default)));

        var texts = errors.Select(e => e.ToString()).Concat(org.Progress).ToList();
        var secrets = keyLines.Append(jwtToken).Append(credentialsToken).Append(org.Server.ClientSecret).ToList();
        Assert.All(texts, text => Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal)));
        Assert.Equal(4, errors.Count(e => e.Message.Contains("***", StringComparison.Ordinal)));
    }
}
