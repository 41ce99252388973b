using System.Globalization;
using Analytics.Cli.Tests.Salesforce;
using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Lakes;

namespace Analytics.Cli.Tests.HubSpot;

/// <summary>
/// <c>analytics extract</c> from HubSpot night after night: an incremental read after edits, archives and association
/// changes lands what a full read of the same night lands; bad records are quarantined with their record id.
/// </summary>
public sealed class HubSpotIncrementalTests
{
    [Fact]
    public async Task The_next_nights_incremental_extract_after_edits_archives_and_association_changes_equals_a_full_read()
    {
        await using var hubspot = await HubSpotWorkspace.StartAsync();
        var night1 = new DateTimeOffset(SeededOrgs.Day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        var night2 = night1.AddDays(1);
        var day2 = SeededOrgs.Day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Succeeds(hubspot.InvokeAt(night1, "extract", "--config", hubspot.HubSpotConfig(), "--date", SeededOrgs.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // During the day: a stage moves and an amount changes, a deal and a company are archived, a partner is taken off
        // one deal and labelled on another (association changes do not move hs_lastmodifieddate).
        hubspot.PortalAt(night1.AddHours(9));
        var portal = hubspot.Portal;
        var ids = DealIds(hubspot, 4);
        portal.Upsert("deals", ids[0], ("amount", "123456"), ("dealstage", portal.Get("deals", ids[0], "dealstage")));
        portal.Upsert("deals", ids[1], ("hs_next_step", "Send the order form"));
        portal.Archive("deals", ids[2]);
        portal.Associate("deals", ids[3], "companies", FirstPartner(hubspot), 102, "USER_DEFINED", "Influencing partner");
        portal.Upsert("deals", ids[3], ("partner_attribution_pct", $"{FirstPartner(hubspot)}=100"), ("partner_added_at", $"{FirstPartner(hubspot)}=2026-11-21T12:00:00.000Z"));

        var (code, output) = hubspot.InvokeAt(night2, "extract", "--config", hubspot.HubSpotConfig(), "--date", day2);
        Succeeds((code, output));
        // A full read of the same night: a second pipeline folder with no mirror yet.
        var fullFolder = Path.Combine(hubspot.Folder, "full");
        var (fullCode, fullOutput) = hubspot.InvokeAt(night2, "extract", "--config", hubspot.HubSpotConfig(folder: fullFolder), "--date", day2);
        Succeeds((fullCode, fullOutput));

        var date2 = SeededOrgs.Day.AddDays(1);
        var incremental = Landed.Read(new LakeLayout(hubspot.Lake), date2, SnapshotPublisher.ReadManifest(new LakeLayout(hubspot.Lake), date2)!);
        var fullLake = new LakeLayout(Path.Combine(fullFolder, "data", "lake"));
        var full = Landed.Read(fullLake, date2, SnapshotPublisher.ReadManifest(fullLake, date2)!);
        Assert.Contains("every object read incrementally", incremental.Manifest.Source, StringComparison.Ordinal);
        Assert.Contains("read in full", full.Manifest.Source, StringComparison.Ordinal);
        foreach (var entity in incremental.Rows.Keys)
        {
            Assert.True(full.Rows[entity].SequenceEqual(incremental.Rows[entity]), $"{entity}: incremental {incremental.Rows[entity].Count} rows, full {full.Rows[entity].Count}");
        }

        Assert.DoesNotContain(incremental.Rows["opportunities"], r => r.StartsWith(ids[2] + "|", StringComparison.Ordinal));
        Assert.Contains(incremental.Rows["opportunities"], r => r.StartsWith(ids[0] + "|", StringComparison.Ordinal) && r.Contains("|123456.00|", StringComparison.Ordinal));
        Assert.Contains(incremental.Rows["opportunity_partners"], r => r.StartsWith($"{ids[3]}|{FirstPartner(hubspot)}|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_records_are_quarantined_with_their_HubSpot_record_id_and_the_run_lands_the_rest()
    {
        await using var hubspot = await HubSpotWorkspace.StartAsync();
        var ids = DealIds(hubspot, 3);
        hubspot.Portal.Upsert("deals", ids[0], ("dealstage", "stage_nobody_mapped"));
        hubspot.Portal.Upsert("deals", ids[1], ("dealname", null));
        hubspot.Portal.Upsert("deals", ids[2], ("amount", "twelve"));

        var (code, output) = hubspot.Invoke("extract", "--config", hubspot.HubSpotConfig(), "--date", SeededOrgs.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.True(code == ExitCodes.Success, output);
        var lake = new LakeLayout(hubspot.Lake);
        var landed = Landed.Read(lake, SeededOrgs.Day, SnapshotPublisher.ReadManifest(lake, SeededOrgs.Day)!);
        var quarantined = landed.Quarantine["opportunities"];
        Assert.Contains(quarantined, q => q.Contains("stage_nobody_mapped", StringComparison.Ordinal) && q.Contains($"deals {ids[0]}", StringComparison.Ordinal));
        Assert.Contains(quarantined, q => q.Contains("|name|", StringComparison.Ordinal) && q.Contains($"deals {ids[1]}", StringComparison.Ordinal));
        Assert.Contains(quarantined, q => q.Contains("|arr|twelve|", StringComparison.Ordinal) && q.Contains($"deals {ids[2]}", StringComparison.Ordinal));
        Assert.All(landed.Manifest.Entities, e => Assert.Equal(e.Read, e.Landed + e.Quarantined));
    }

    private static List<string> DealIds(HubSpotWorkspace hubspot, int count) => hubspot.Portal.Ids("deals").Take(count).ToList();

    private static string FirstPartner(HubSpotWorkspace hubspot) =>
        hubspot.Portal.Ids("companies").First(id => hubspot.Portal.Get("companies", id, "partner_type") is not null);

    private static void Succeeds((int Code, string Output) result) => Assert.True(result.Code == ExitCodes.Success, result.Output);
}
