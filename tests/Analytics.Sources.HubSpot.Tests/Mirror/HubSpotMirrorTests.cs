using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Tests.Fixtures;
using Analytics.TestSupport.HubSpot;

namespace Analytics.Sources.HubSpot.Tests.Mirror;

public sealed class HubSpotMirrorTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 2);
    private static readonly DateOnly Day2 = new(2026, 3, 3);

    [Fact]
    public async Task An_incremental_run_after_edits_archives_and_association_changes_lands_what_a_full_read_would()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.PortalClock.Advance(TimeSpan.FromHours(1)); // the seeding lies before the lookback of the next run
        await harness.ExtractAsync(Day1);
        harness.PortalClock.Advance(TimeSpan.FromDays(1));
        // Edits (they move hs_lastmodifieddate), a new deal, archives and association changes (they do not).
        harness.Portal.Upsert("deals", "3002", ("amount", "75000"), ("dealstage", "direct_negotiation"));
        harness.Portal.Upsert("companies", "9001", ("name", "Northwind Partners GmbH"));
        PartnerPortal.Deal(harness.Portal, "3004", "5001", "reseller", "deal_registration", ("reseller_deal_registration", "2026-03-02T12:00:00.000Z"));
        harness.Portal.Archive("deals", "3001");
        harness.Portal.Archive("meetings", "8001");
        harness.Portal.Unassociate("deals", "3003", "companies", "9002");
        PartnerPortal.Partner(harness.Portal, "3002", "9002", 101, "Sourced partner", "100", "2026-03-02T13:00:00.000Z");
        harness.PortalClock.Advance(TimeSpan.FromMinutes(5));

        harness.Progress.Clear();
        var incremental = await harness.ExtractAsync(Day2);
        var progress = harness.Progress.ToList();
        var full = await harness.ExtractAsync(Day2, harness.Config(harness.Temp.Combine("fresh-state")));

        Assert.Equal(full.Rows, incremental.Rows);
        Assert.DoesNotContain(progress, line => line.Contains(": full read", StringComparison.Ordinal));
        Assert.Contains("deals: incremental (search) from 2026-03-02 09:50:00 UTC: 2 changed, 1 archived", progress);
        Assert.Contains("companies: incremental (search) from 2026-03-02 09:50:00 UTC: 1 changed, 0 archived", progress);
        Assert.Contains("every object read incrementally", incremental.Manifest.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(incremental.Rows["opportunities"], r => r.StartsWith("3001|", StringComparison.Ordinal));
        Assert.Contains(incremental.Rows["opportunities"], r => r.StartsWith("3002|5002|Deal 3002|new_business|direct|negotiation|4|False|False|75000.00|", StringComparison.Ordinal));
        Assert.Contains(incremental.Rows["partners"], r => r.StartsWith("9001|Northwind Partners GmbH|", StringComparison.Ordinal));
        Assert.Equal(["3002|9002", "3003|9001"], incremental.Rows["opportunity_partners"].Select(r => string.Join('|', r.Split('|')[..2])));
        Assert.Contains(incremental.Rows["stage_history"], r => r.StartsWith("3002|negotiation|4|", StringComparison.Ordinal));
        Assert.Empty(incremental.Rows["activities"]);
        Assert.Contains(harness.Server.Requests, r => r.Path == "/crm/v3/objects/deals" && r.Query.Contains("archived=true", StringComparison.Ordinal));
        Assert.Contains(harness.Server.Requests, r => r.Path == "/crm/v3/objects/deals/batch/read");
        Assert.Equal(["2026-03-02", "2026-03-03"], Directory.GetDirectories(harness.StateFolder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Each_mirrored_object_has_its_records_history_associations_and_a_state_saying_how_it_was_read()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        var start = harness.PortalClock.GetUtcNow();

        await harness.ExtractAsync(Day1);

        var folder = Path.Combine(harness.StateFolder, "2026-03-02");
        foreach (var file in new[] { "deals.parquet", "deals.history.parquet", "deals.companies.associations.parquet", "meetings.deals.associations.parquet", "companies.parquet", "stages.parquet", "owners.parquet", "p_certifications.parquet" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        using var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "deals.state.json")));
        var root = state.RootElement;
        Assert.Equal(start, root.GetProperty("Bookmark").GetDateTimeOffset());
        Assert.Equal("crm/v3/objects", root.GetProperty("ApiPrefix").GetString());
        Assert.Equal("dealstage", root.GetProperty("HistoryProperty").GetString());
        Assert.Contains("hs_lastmodifieddate", root.GetProperty("Properties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("full (list, 3 records) because there is no earlier mirror of it (first read)", root.GetProperty("HowRead").GetString());
        Assert.Empty(Directory.GetDirectories(harness.StateFolder, ".*"));
    }

    [Fact]
    public async Task A_bookmark_older_than_HubSpot_keeps_archived_records_gives_a_full_read_and_says_why()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        await harness.ExtractAsync(Day1);
        harness.PortalClock.Advance(TimeSpan.FromDays(91));
        harness.Progress.Clear();

        var landed = await harness.ExtractAsync(Day1.AddDays(91));

        Assert.Contains(harness.Progress, p => p == "deals: full read, because the last read (2026-03-02) is more than 90 days old, beyond how long HubSpot keeps archived records");
        Assert.Contains("read in full: companies (the last read", landed.Manifest.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_keeps_the_previous_mirror_and_leaves_no_temporary_folder()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        await harness.ExtractAsync(Day1);
        harness.PortalClock.Advance(TimeSpan.FromDays(1));
        harness.Portal.Scopes.Remove("crm.objects.custom.read");

        var failure = await Assert.ThrowsAsync<HubSpotException>(() => harness.ExtractAsync(Day2));

        Assert.Equal(HubSpotErrorKind.MissingScopes, failure.Kind);
        Assert.StartsWith("p_deal_registrations: the token lacks the scope crm.objects.custom.read", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["2026-03-02"], Directory.GetDirectories(harness.StateFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_token_never_reaches_the_mirror_the_manifest_or_the_progress()
    {
        await using var harness = await HubSpotHarness.StartAsync();
        harness.Server.Faults.Next("/crm/v3/objects/deals", HubSpotFault.BadGateway());

        var landed = await harness.ExtractAsync(Day1);

        Assert.DoesNotContain(harness.Server.Token, landed.Manifest.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Progress, p => p.Contains(harness.Server.Token, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(harness.StateFolder, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(harness.Server.Token, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
