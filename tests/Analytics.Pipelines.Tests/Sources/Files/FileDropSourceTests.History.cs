using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Sources.Files;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Sources.Files;

/// <summary>Files cannot travel back in time: a backfill lands only the dated export folders that exist.</summary>
public sealed partial class FileDropSourceTests
{
    private static FileDropSource Source(string drop) =>
        new(new FileDropConfig(drop, FileFormat.Csv, ',', null, null, new Dictionary<string, EntityFileConfig>()), 4000);

    [Fact]
    public void A_plain_drop_folder_offers_no_history_so_a_backfill_plans_no_date()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());

        Assert.Empty(SnapshotSchedule.Backfill(Source(drop), Day.AddMonths(-18), Day, SnapshotCadence.Week));
    }

    [Fact]
    public void Only_the_dated_sub_folders_within_the_range_are_backfilled_oldest_first()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());
        foreach (var name in new[] { "2026-10-02", "2026-06-30", "2024-01-01", "2026-11-21", "archive", "2026-13-01" })
        {
            Directory.CreateDirectory(Path.Combine(drop, name));
        }

        var dates = SnapshotSchedule.Backfill(Source(drop), Day.AddMonths(-6), Day, SnapshotCadence.Week);

        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 10, 2)], dates);
    }

    [Fact]
    public void A_missing_drop_folder_cannot_be_listed_for_a_backfill()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<SourceException>(() => Source(dir.Combine("nowhere")).HistoryDates(Day.AddMonths(-1), Day));

        Assert.Contains("the drop folder does not exist", error.Message);
    }
}
