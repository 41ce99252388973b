using Analytics.Orchestration.Jobs;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Orchestration.Tests.Jobs;

public sealed class FreshnessTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 7);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_snapshot_of_today_landed_seconds_ago_is_seconds_old_not_counted_from_midnight()
    {
        var landedAt = new DateTime(2026, 12, 7, 17, 0, 0, DateTimeKind.Utc);
        TestLake.Land(_directory.Path, Day, [], landedAt);

        var freshness = Freshness.Measure(_directory.Path, new DateTimeOffset(landedAt.AddSeconds(12)), 36);

        Assert.True(freshness.IsFresh);
        Assert.Equal(12.0 / 3600, freshness.AgeHours!.Value, 6);
        Assert.Equal("newest snapshot 2026-12-07 (landed 2026-12-07 17:00 UTC) is 12 s old (limit 36 h): fresh", freshness.Describe(_directory.Path));
    }

    [Fact]
    public void A_past_snapshot_landed_later_is_as_old_as_the_end_of_its_date()
    {
        TestLake.Land(_directory.Path, Day.AddDays(-3), [], new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc));

        var freshness = Freshness.Measure(_directory.Path, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), 36);

        Assert.False(freshness.IsFresh); // backfilled this morning, but its data stands as of 2026-12-05 24:00: 58 h ago
        Assert.Equal(58, freshness.AgeHours!.Value, 6);
        Assert.EndsWith("is 58 h old (limit 36 h): STALE", freshness.Describe(_directory.Path));
    }

    [Fact]
    public void An_empty_lake_is_stale_and_says_so()
    {
        var freshness = Freshness.Measure(_directory.Path, DateTimeOffset.UnixEpoch, 36);

        Assert.False(freshness.IsFresh);
        Assert.Equal($"the lake {_directory.Path} holds no snapshot", freshness.Describe(_directory.Path));
    }
}
