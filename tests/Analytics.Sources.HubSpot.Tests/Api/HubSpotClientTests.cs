using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Tests.Fixtures;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.HubSpot;

namespace Analytics.Sources.HubSpot.Tests.Api;

public sealed class HubSpotClientTests
{
    [Fact]
    public async Task A_list_follows_after_paging_100_a_page_and_returns_every_record_once()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            harness.Portal.Upsert("companies", $"{10_000 + i}", ("name", $"Company {i}"));
        }

        using var client = harness.Client();
        var ids = new List<string>();
        await foreach (var record in client.ListAsync("companies", ["name"], null, archived: false, CancellationToken.None))
        {
            ids.Add(record.Id);
        }

        Assert.Equal(254, ids.Distinct().Count());
        var pages = harness.Server.Requests.Where(r => r.Path == "/crm/v3/objects/companies").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("limit=100", p.Query, StringComparison.Ordinal));
        Assert.Equal(2, pages.Count(p => p.Query.Contains("after=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_search_window_whose_total_reaches_the_cap_is_split_until_every_changed_record_comes_back()
    {
        await using var harness = await HubSpotHarness.StartAsync(options: new HubSpotContractServerOptions { SearchCap = 50 });
        var from = harness.PortalClock.GetUtcNow();
        for (var i = 0; i < 120; i++)
        {
            harness.PortalClock.Advance(TimeSpan.FromSeconds(30));
            harness.Portal.Upsert("deals", $"{40_000 + i}", ("dealname", $"Deal {i}"));
        }

        using var client = harness.Client();
        var ids = new List<string>();
        await foreach (var record in client.ModifiedAsync("deals", ["dealname"], from.AddMilliseconds(1), harness.PortalClock.GetUtcNow().AddSeconds(1), CancellationToken.None))
        {
            ids.Add(record.Id);
        }

        Assert.Equal(Enumerable.Range(40_000, 120).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids.Distinct().Order(StringComparer.Ordinal));
        var searches = harness.Server.Requests.Where(r => r.Path == "/crm/v3/objects/deals/search").ToList();
        Assert.All(searches, s => Assert.Equal(200, s.Status));
        Assert.True(searches.Count >= 4, $"{searches.Count} searches");
        Assert.Contains(harness.Progress, p => p.Contains("splitting it in two", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_of_the_ten_secondly_limit_waits_the_window_its_headers_give_then_reads_on()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Server.Faults.Next("/crm/v3/objects/companies", HubSpotFault.RateLimited(TimeSpan.FromSeconds(10)));
        var clock = new InstantWaitClock();
        using var client = harness.Client(clock: clock);

        var count = await CountAsync(client.ListAsync("companies", [], null, false, CancellationToken.None));

        Assert.Equal(4, count);
        Assert.Equal([TimeSpan.FromSeconds(10)], clock.Waits);
        Assert.Contains(harness.Progress, p => p.Contains("HTTP 429, wait 10 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_what_Retry_After_says()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Server.Faults.Next("/crm/v3/pipelines", HubSpotFault.RateLimited(TimeSpan.FromSeconds(10), retryAfter: TimeSpan.FromSeconds(3)));
        var clock = new InstantWaitClock();
        using var client = harness.Client(clock: clock);

        var pipelines = await client.PipelinesAsync(CancellationToken.None);

        Assert.Equal(6, pipelines.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], clock.Waits);
    }

    [Fact]
    public async Task A_spent_daily_limit_fails_at_once_with_one_line_and_is_not_retried()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Server.Faults.Next("/crm/v3/owners", HubSpotFault.DailyLimit(), times: 5);
        using var client = harness.Client();

        var failure = await Assert.ThrowsAsync<HubSpotException>(async () => await CountAsync(client.OwnersAsync(CancellationToken.None)));

        Assert.Equal(HubSpotErrorKind.DailyLimit, failure.Kind);
        Assert.Contains("daily API limit is spent", failure.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests, r => r.Path == "/crm/v3/owners");
    }

    [Fact]
    public async Task A_refused_token_fails_with_one_line_naming_its_variable_and_never_the_token()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        const string wrong = "pat-na1-11111111-2222-3333-4444-555555555555";
        using var client = new HubSpotClient(harness.Connection(), new InstantWaitClock(), null, null, _ => wrong);

        var failure = await Assert.ThrowsAsync<HubSpotException>(() => client.PipelinesAsync(CancellationToken.None));

        Assert.Equal(HubSpotErrorKind.Authentication, failure.Kind);
        Assert.Contains($"HubSpot refused the token in {HubSpotHarness.TokenVariable}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("401 INVALID_AUTHENTICATION", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task An_unset_token_variable_fails_before_any_request()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        using var client = new HubSpotClient(harness.Connection(), new InstantWaitClock(), null, null, _ => null);

        var failure = await Assert.ThrowsAsync<HubSpotException>(() => client.PipelinesAsync(CancellationToken.None));

        Assert.Equal($"the environment variable {HubSpotHarness.TokenVariable} (source.hubspot.token_variable) holds no HubSpot token; set it to the private app's or static app's access token.", failure.Message);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task A_missing_scope_is_named_in_one_line_with_what_to_do()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Portal.Scopes.Remove("crm.objects.deals.read");
        using var client = harness.Client();

        var failure = await Assert.ThrowsAsync<HubSpotException>(async () => await CountAsync(client.ListAsync("deals", [], null, false, CancellationToken.None)));

        Assert.Equal(HubSpotErrorKind.MissingScopes, failure.Kind);
        Assert.Equal(["crm.objects.deals.read"], failure.MissingScopes);
        Assert.Equal("deals: the token lacks the scope crm.objects.deals.read for the list of deals (403 MISSING_SCOPES); add it to the app's scopes and install it again.", failure.Message);
    }

    [Fact]
    public async Task Searches_are_spaced_by_the_search_interval()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        var clock = new InstantWaitClock();
        using var client = harness.Client(harness.Connection() with { SearchInterval = TimeSpan.FromSeconds(2) }, clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(3, await client.CountAsync("deals", CancellationToken.None));
        }

        Assert.Equal(2, clock.Waits.Count);
        Assert.All(clock.Waits, w => Assert.InRange(w, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Associations_come_with_their_labels_page_per_input_and_inputs_without_any_are_no_failure()
    {
        await using var harness = await HubSpotHarness.StartAsync(options: new HubSpotContractServerOptions { AssociationsPerInput = 1 });
        harness.Portal.Upsert("deals", "3999", ("dealname", "Lonely"));
        using var client = harness.Client();

        var associations = new List<HubSpotAssociation>();
        await foreach (var association in client.AssociationsAsync("deals", "companies", ["3003", "3999"], CancellationToken.None))
        {
            associations.Add(association);
        }

        Assert.Equal(
            ["5002 5 Primary", "5002 341 ", "9001 341 ", "9001 102 Influencing partner", "9002 341 ", "9002 102 Influencing partner"],
            associations.Select(a => $"{a.ToId} {a.TypeId} {a.Label}"));
        Assert.All(associations, a => Assert.Equal("3003", a.FromId));
        Assert.Equal(3, harness.Server.Requests.Count(r => r.Path == "/crm/v4/associations/deals/companies/batch/read"));
        Assert.Contains(harness.Server.Requests, r => r.Status == 207);
    }

    [Fact]
    public async Task The_dated_path_prefix_reads_objects_under_it()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        using var client = harness.Client(harness.Connection("crm/objects/2026-03"));

        var count = await CountAsync(client.ListAsync("deals", ["dealname"], "dealstage", false, CancellationToken.None));

        Assert.Equal(3, count);
        Assert.All(harness.Server.Requests, r => Assert.StartsWith("/crm/objects/2026-03/deals", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_gateway_and_a_hung_request_are_retried()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Server.Faults.Next("/crm/v3/objects/companies", HubSpotFault.BadGateway());
        harness.Server.Faults.Next("/crm/v3/objects/companies", HubSpotFault.Hang(TimeSpan.FromSeconds(5)));
        using var client = harness.Client(harness.Connection() with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var count = await CountAsync(client.ListAsync("companies", [], null, false, CancellationToken.None));

        Assert.Equal(4, count);
        Assert.Contains(harness.Progress, p => p.Contains("HTTP 502", StringComparison.Ordinal));
        Assert.Contains(harness.Progress, p => p.Contains("no answer within 0.3 s", StringComparison.Ordinal));
    }

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }
}
