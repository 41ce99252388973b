using System.Security.Cryptography;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Tests.Fixtures;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests;

public sealed class IncrementalMirrorTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 2);
    private static readonly DateOnly Day2 = new(2026, 3, 3);

    [Theory]
    [InlineData(50_000)]
    [InlineData(0)]
    public async Task An_incremental_run_after_edits_inserts_deletes_and_a_renamed_parent_lands_what_a_full_read_would(long bulkThreshold)
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var source = harness.Source(harness.Config(bulkThreshold));
        await harness.ExtractAsync(Day1, source);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Edit(harness.Org);

        harness.Progress.Clear();
        var incremental = await harness.ExtractAsync(Day2, source);
        var progress = harness.Progress.ToList();
        var full = await harness.ExtractAsync(Day2, harness.Source(harness.Config(bulkThreshold, stateFolder: harness.Temp.Combine("fresh-state"))));

        Assert.Equal(full.Rows, incremental.Rows);
        Assert.DoesNotContain(progress, line => line.Contains(": full read", StringComparison.Ordinal));
        Assert.Contains(progress, line => line.StartsWith("Opportunity: incremental", StringComparison.Ordinal));
        Assert.Contains("every object read incrementally", incremental.Manifest.Source, StringComparison.Ordinal);
        Assert.Contains(incremental.Rows["partners"], r => r.StartsWith("001P1|Northwind Partners|", StringComparison.Ordinal));
        Assert.DoesNotContain(incremental.Rows["activities"], r => r.StartsWith("00TT2|", StringComparison.Ordinal));
        Assert.Contains(incremental.Rows["opportunities"], r => r.StartsWith("006O3|", StringComparison.Ordinal));
        Assert.Equal(["2026-03-02", "2026-03-03"], Directory.GetDirectories(harness.StateFolder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Each_mirrored_object_has_a_parquet_file_and_a_state_with_cursor_bookmark_fields_version_and_how_it_was_read()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var start = harness.Clock.GetUtcNow();

        await harness.ExtractAsync(Day1);

        var folder = Path.Combine(harness.StateFolder, "2026-03-02");
        Assert.True(File.Exists(Path.Combine(folder, "ProcessInstance.parquet")));
        Assert.Equal(2, Directory.GetFiles(folder, "Lead-*.parquet").Length);
        using var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "Opportunity.state.json")));
        var root = state.RootElement;
        Assert.Equal("SystemModstamp", root.GetProperty("CursorField").GetString());
        Assert.Equal(start, root.GetProperty("Bookmark").GetDateTimeOffset());
        Assert.Equal("66.0", root.GetProperty("ApiVersion").GetString());
        Assert.Equal("Id", root.GetProperty("Fields")[0].GetString());
        Assert.Contains("Owner.Email", root.GetProperty("Fields").EnumerateArray().Select(f => f.GetString()));
        Assert.StartsWith("full (REST, 2 rows) because there is no earlier mirror", root.GetProperty("HowRead").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(harness.StateFolder, ".*"));
    }

    [Fact]
    public async Task An_object_without_IsDeleted_has_its_deletes_read_from_the_deleted_resource()
    {
        await using var harness = await SalesforceHarness.StartAsync(define: org => PrmOrg.DefineAll(org, withoutIsDeleted: "Task"));
        await harness.ExtractAsync(Day1);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        harness.Org.Delete("Task", "00TT2");
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var landed = await harness.ExtractAsync(Day2);

        Assert.DoesNotContain(landed.Rows["activities"], r => r.StartsWith("00TT2|", StringComparison.Ordinal));
        Assert.Contains(landed.Rows["activities"], r => r.StartsWith("00TT1|", StringComparison.Ordinal));
        Assert.Contains(harness.Server.Requests, r => r.Path.Contains("/sobjects/Task/deleted", StringComparison.Ordinal));
        Assert.Contains(harness.Progress, line => line.StartsWith("Task: incremental", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bookmark_older_than_fifteen_days_gives_a_full_read_and_says_why()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.ExtractAsync(Day1);
        harness.Clock.Advance(TimeSpan.FromDays(16));
        harness.Org.Delete("Task", "00TT2");
        harness.Progress.Clear();

        var landed = await harness.ExtractAsync(Day1.AddDays(16));

        Assert.Contains(harness.Progress, line => line.Contains("Opportunity: full read, because the last read (2026-03-02) is more than 15 days old", StringComparison.Ordinal));
        Assert.Contains("read in full: ", landed.Manifest.Source, StringComparison.Ordinal);
        Assert.Contains("more than 15 days old", landed.Manifest.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(landed.Rows["activities"], r => r.StartsWith("00TT2|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deletes_no_longer_listed_by_the_deleted_resource_give_a_full_read_and_say_why()
    {
        await using var harness = await SalesforceHarness.StartAsync(define: org => PrmOrg.DefineAll(org, withoutIsDeleted: "Task"));
        await harness.ExtractAsync(Day1);
        harness.Clock.Advance(TimeSpan.FromDays(15) - TimeSpan.FromMinutes(5));
        harness.Org.Delete("Task", "00TT2");
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        harness.Progress.Clear();

        var landed = await harness.ExtractAsync(Day1.AddDays(15));

        Assert.Contains(harness.Progress, line => line.StartsWith("Task: full read, because the org lists deletes of Task only from", StringComparison.Ordinal));
        Assert.Contains(harness.Progress, line => line.StartsWith("Opportunity: incremental", StringComparison.Ordinal));
        Assert.DoesNotContain(landed.Rows["activities"], r => r.StartsWith("00TT2|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_mapping_gives_a_full_read_of_that_object_and_says_why()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.ExtractAsync(Day1);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var accounts = Mapping.SalesforceMapping.Default.Entities["accounts"].Sources[0];
        var mapping = Mapping.SalesforceMapping.Default.With(new Dictionary<string, Mapping.EntityMapping>
        {
            ["accounts"] = new("accounts", [accounts with { Columns = new Dictionary<string, Mapping.ColumnMapping>(accounts.Columns) { ["domain"] = new Mapping.FieldColumn("Name") } }]),
        });
        harness.Progress.Clear();

        var landed = await harness.ExtractAsync(Day2, harness.Source(harness.Config(mapping: mapping)));

        Assert.Contains(harness.Progress, line => line.StartsWith("Account: full read, because the mapping of its fields or filter changed", StringComparison.Ordinal));
        Assert.Contains(harness.Progress, line => line.StartsWith("Opportunity: incremental", StringComparison.Ordinal));
        Assert.Equal(["001C1|Contoso|Contoso|emea|mid_market|rep@example.com|001P1"], landed.Rows["accounts"]);
    }

    [Fact]
    public async Task A_record_that_leaves_its_filter_through_a_related_record_leaves_the_entity()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var source = harness.Source();
        await harness.ExtractAsync(Day1, source);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        harness.Org.Update("RecordType", "012LR", PrmOrg.Row(("DeveloperName", "Lead_Registration_Retired")));
        harness.Org.Update("Account", "001C1", PrmOrg.Row(("IsPartner", true)));

        var landed = await harness.ExtractAsync(Day2, source);

        Assert.Empty(landed.Rows["lead_registrations"]);
        Assert.Empty(landed.Rows["accounts"]);
    }

    [Fact]
    public async Task A_failed_bulk_job_leaves_the_previous_mirror_byte_identical_and_nothing_half_written()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var source = harness.Source(harness.Config(bulkThreshold: 0));
        await harness.ExtractAsync(Day1, source);
        var before = Snapshot(harness.StateFolder);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Edit(harness.Org);
        harness.Server.Faults.FailBulkJobs("InvalidBatch : the query timed out", times: 1000);

        var error = await Assert.ThrowsAsync<SalesforceException>(() => harness.ExtractAsync(Day2, source));

        Assert.Equal(SalesforceErrorKind.BulkJobFailed, error.Kind);
        Assert.Equal(before, Snapshot(harness.StateFolder));
    }

    [Fact]
    public async Task A_quota_reached_mid_run_leaves_the_previous_mirror_byte_identical()
    {
        await using var harness = await SalesforceHarness.StartAsync(options: new ContractServerOptions { ApiAllowance = 1_000 });
        await harness.ExtractAsync(Day1);
        var before = Snapshot(harness.StateFolder);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Edit(harness.Org);
        var config = harness.Config();
        var stingy = harness.Source(config with { Connection = config.Connection with { MaxApiShare = 0.02 } });

        var error = await Assert.ThrowsAsync<SalesforceException>(() => harness.ExtractAsync(Day2, stingy));

        Assert.Equal(SalesforceErrorKind.QuotaReached, error.Kind);
        Assert.Equal(before, Snapshot(harness.StateFolder));
    }

    /// <summary>Every file under the folder (hidden temporary folders included) with its SHA-256.</summary>
    private static List<string> Snapshot(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Edits, inserts and deletes across objects, and renames the partner's parent Account.</summary>
    private static void Edit(SalesforceOrg org)
    {
        org.Update("Opportunity", "006O1", PrmOrg.Row(("StageName", "Transact"), ("Amount", 150000m)));
        org.Insert("OpportunityHistory", PrmOrg.Row(("Id", "008H7"), ("OpportunityId", "006O1"), ("StageName", "Transact")));
        org.Insert("Opportunity", PrmOrg.Row(("Id", "006O3"), ("AccountId", "001C1"), ("Name", "Contoso add-on"), ("Type", "Existing Customer - Upgrade"),
            ("Partner_Motion__c", "direct"), ("StageName", "Discovery"), ("IsClosed", false), ("IsWon", false), ("Amount", 9000m),
            ("CloseDate", new DateOnly(2026, 9, 30)), ("OwnerId", "005U2"), ("Conflict_Status__c", "none")));
        org.Delete("Task", "00TT2");
        org.Delete("ProcessInstance", "04gP2");
        org.Update("Account", "001P1", PrmOrg.Row(("Name", "Northwind Partners")));
        org.Update("User", "005U2", PrmOrg.Row(("Email", "rep2@example.com")));
        org.Update("Lead", "00QL1", PrmOrg.Row(("Status", "Approved")));
    }
}
