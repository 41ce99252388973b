using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Lake;

public sealed class SnapshotPublisherTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void A_crash_between_writing_and_renaming_leaves_the_previous_snapshot_intact_and_readable()
    {
        using var dir = new TempDirectory();
        var layout = new LakeLayout(dir.Combine("lake"));
        var before = Publish(layout, dir, "run-1", ["P1", "P2"]);
        var bytesBefore = File.ReadAllBytes(layout.RawPartition("partners", Day) + "/data.parquet");

        var crashing = new SnapshotPublisher(layout) { BeforeSwap = () => throw new IOException("simulated crash") };
        Assert.Throws<IOException>(() => Publish(layout, dir, "run-2", ["P9"], crashing));

        Assert.Equal(bytesBefore, File.ReadAllBytes(layout.RawPartition("partners", Day) + "/data.parquet"));
        Assert.Equal(before.RunId, SnapshotPublisher.ReadManifest(layout, Day)!.RunId);
        Assert.Equal(["P1", "P2"], PartnerIds(layout));
        Assert.NotEmpty(Directory.GetFiles(layout.RawPartition("partners", Day), "*.tmp"));

        new SnapshotPublisher(layout).CleanUpAbandonedFiles();
        Assert.Empty(Directory.GetFiles(layout.Raw, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Re_landing_a_date_replaces_every_partition_whole()
    {
        using var dir = new TempDirectory();
        var layout = new LakeLayout(dir.Combine("lake"));
        Publish(layout, dir, "run-1", ["P1", "P2"]);

        var second = Publish(layout, dir, "run-2", ["P3"]);

        Assert.Equal(["P3"], PartnerIds(layout));
        Assert.Equal("run-2", SnapshotPublisher.ReadManifest(layout, Day)!.RunId);
        Assert.Equal(CrmSchema.Entities.Select(e => e.Name), second.Entities.Select(e => e.Entity));
        Assert.Equal([Day], layout.LandedDates());
        Assert.Single(Directory.GetFiles(layout.RawPartition("partners", Day)));
    }

    [Fact]
    public void Every_entity_gets_a_partition_even_when_empty_so_the_lake_reads_with_one_glob()
    {
        using var dir = new TempDirectory();
        var layout = new LakeLayout(dir.Combine("lake"));
        Publish(layout, dir, "run-1", ["P1"]);

        Assert.Equal([1L], LakeQuery.Rows<long>($"select count(*) from read_parquet('{layout.Raw}/*/*/*.parquet', hive_partitioning = true)"));
        Assert.Equal(CrmSchema.Entities.Count, Directory.GetDirectories(layout.Raw).Length);
    }

    private static SnapshotManifest Publish(LakeLayout layout, TempDirectory dir, string runId, string[] partnerIds, SnapshotPublisher? publisher = null)
    {
        using var staging = new SnapshotStaging(dir.Combine("spill", runId));
        foreach (var id in partnerIds)
        {
            staging.Append(CrmSchema.Partners,
                [id, $"Partner {id}", "reseller", "select", "emea", "saas", "pm@example.com", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "active", null]);
        }

        return (publisher ?? new SnapshotPublisher(layout)).Publish(staging, Day, "test", runId, DateTime.UtcNow);
    }

    private static List<string> PartnerIds(LakeLayout layout) =>
        LakeQuery.Rows<string>($"select partner_id from read_parquet('{layout.Raw}/partners/*/*.parquet', hive_partitioning = true) order by 1");
}
