using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Sources;

namespace Analytics.Pipelines.Extraction;

/// <summary>The snapshot dates of a backfill.</summary>
public static class SnapshotSchedule
{
    /// <summary>
    /// Dates from <paramref name="from"/> to <paramref name="to"/> inclusive, every day or every seven days counted
    /// back from <paramref name="to"/> (so the newest snapshot is always <paramref name="to"/>), oldest first.
    /// </summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly from, DateOnly to, SnapshotCadence every)
    {
        if (from > to)
        {
            throw new ArgumentException($"The backfill starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).");
        }

        var step = every == SnapshotCadence.Week ? 7 : 1;
        var dates = new List<DateOnly>();
        for (var date = to; date >= from; date = date.AddDays(-step))
        {
            dates.Add(date);
        }

        dates.Reverse();
        return dates;
    }

    /// <summary>
    /// The dates a backfill from <paramref name="from"/> to <paramref name="to"/> lands from <paramref name="source"/>:
    /// for a source that can travel back in time (the demo), every <paramref name="every"/> as <see cref="Dates"/>; for
    /// one that cannot (files), only the dates it really holds (<see cref="ICrmSource.HistoryDates"/>), perhaps none.
    /// </summary>
    /// <exception cref="SourceException">The source cannot be listed.</exception>
    public static IReadOnlyList<DateOnly> Backfill(ICrmSource source, DateOnly from, DateOnly to, SnapshotCadence every)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.HistoryDates(from, to) ?? Dates(from, to, every);
    }
}
