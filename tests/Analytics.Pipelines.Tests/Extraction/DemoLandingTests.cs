using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Extraction;

public sealed class DemoLandingTests
{
    private static readonly DateOnly Day = new(2026, 6, 15);

    [Fact]
    public void The_same_seed_lands_byte_identical_parquet_and_another_seed_does_not()
    {
        using var dir = new TempDirectory();

        var first = Land(dir.Combine("a"), seed: 7, Day);
        var second = Land(dir.Combine("b"), seed: 7, Day);
        var other = Land(dir.Combine("c"), seed: 8, Day);

        Assert.Equal(first.Entities.Select(e => (e.Entity, e.Sha256, e.Bytes)), second.Entities.Select(e => (e.Entity, e.Sha256, e.Bytes)));
        foreach (var entity in CrmSchema.Entities)
        {
            Assert.Equal(
                File.ReadAllBytes(new LakeLayout(dir.Combine("a")).RawPartition(entity.Name, Day) + "/data.parquet"),
                File.ReadAllBytes(new LakeLayout(dir.Combine("b")).RawPartition(entity.Name, Day) + "/data.parquet"));
        }

        Assert.NotEqual(first.Entities.Single(e => e.Entity == "opportunities").Sha256, other.Entities.Single(e => e.Entity == "opportunities").Sha256);
    }

    [Fact]
    public void A_landed_snapshot_holds_nothing_timestamped_after_its_date()
    {
        using var dir = new TempDirectory();
        var manifest = Land(dir.Combine("lake"), seed: 42, Day);
        Assert.True(manifest.Entities.Single(e => e.Entity == "opportunities").Landed > 500);

        using var connection = DuckDbFile.OpenInMemory();
        var endOfDay = Day.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        foreach (var entity in CrmSchema.Entities)
        {
            // expires_at is when a certification will lapse: scheduled, known at the snapshot date, so it may lie after it.
            foreach (var column in entity.Columns.Where(c => c.Type == CrmColumnType.Timestamp && c.Name != "expires_at"))
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"select count(*) from read_parquet('{new LakeLayout(dir.Combine("lake")).Raw}/{entity.Name}/*/*.parquet') where \"{column.Name}\" > $end";
                command.Parameters.Add(new DuckDBParameter("end", endOfDay));
                Assert.True(0L == (long)command.ExecuteScalar()!, $"{entity.Name}.{column.Name} has values after {Day:yyyy-MM-dd}");
            }
        }
    }

    [Fact]
    public void Weekly_snapshots_land_as_hive_partitions_readable_in_one_query()
    {
        using var dir = new TempDirectory();
        var config = Config(dir.Combine("lake"), seed: 42);
        var runner = new ExtractRunner(config, new DemoCrmSource(config.Source.Demo), TimeProvider.System);

        foreach (var date in SnapshotSchedule.Dates(Day.AddDays(-14), Day, SnapshotCadence.Week))
        {
            runner.Extract(date);
        }

        var counts = LakeQuery.Rows<(DateOnly, long)>($"""
            select snapshot_date, count(*) from read_parquet('{runner.Layout.Raw}/opportunities/*/*.parquet', hive_partitioning = true)
            group by snapshot_date order by snapshot_date
            """);

        Assert.Equal([Day.AddDays(-14), Day.AddDays(-7), Day], counts.Select(c => c.Item1));
        Assert.True(counts[0].Item2 <= counts[1].Item2 && counts[1].Item2 <= counts[2].Item2, "opportunities only accumulate over time");
        Assert.Equal([Day.AddDays(-14), Day.AddDays(-7), Day], runner.Layout.LandedDates());
    }

    internal static PipelineConfig Config(string lake, int seed) => PipelineConfigLoader.Parse(
        $"paths:\n  lake: {lake}\n  runs: {lake}-runs\nsource:\n  demo:\n    seed: {seed}\n    scale: 0.05\n",
        Path.Combine(Path.GetDirectoryName(lake)!, "pipeline.yaml"), DemoSourceConfigSection.Instance);

    private static SnapshotManifest Land(string lake, int seed, DateOnly date)
    {
        var config = Config(lake, seed);
        return new ExtractRunner(config, new DemoCrmSource(config.Source.Demo), TimeProvider.System).Extract(date);
    }
}
