using System.Globalization;
using Analytics.Pipelines.Lake;

namespace Analytics.Orchestration.Jobs;

/// <summary>
/// How old the data of the newest landed snapshot is. A snapshot of date D holds the CRM as it stood when its extract
/// started, or at the end of D when it was landed later (a backfill, a dated export): its age counts from the earlier
/// of the two, so a snapshot of today landed a minute ago is a minute old, and yesterday's snapshot landed this morning
/// is as old as yesterday's end. The extract's start comes from the snapshot's manifest.
/// </summary>
/// <param name="Newest">The newest landed snapshot date, or null when the lake is empty.</param>
/// <param name="AgeHours">Its age in hours (null when the lake is empty).</param>
/// <param name="MaxAgeHours">The limit (runs.freshness_max_age_hours).</param>
/// <param name="LandedAt">When that snapshot's extract started (UTC), from its manifest; null when the lake is empty.</param>
public sealed record Freshness(DateOnly? Newest, double? AgeHours, double MaxAgeHours, DateTime? LandedAt = null)
{
    /// <summary>Whether the newest snapshot is within the limit.</summary>
    public bool IsFresh => AgeHours is { } age && age <= MaxAgeHours;

    /// <summary>One line saying how fresh the lake is: the snapshot, when it was landed, its age and the limit.</summary>
    public string Describe(string lakeRoot) => Newest is not { } newest
        ? $"the lake {lakeRoot} holds no snapshot"
        : string.Create(CultureInfo.InvariantCulture,
            $"newest snapshot {newest:yyyy-MM-dd}{(LandedAt is { } at ? $" (landed {at:yyyy-MM-dd HH:mm} UTC)" : string.Empty)} is {Age(AgeHours ?? 0)} old "
            + $"(limit {MaxAgeHours:0.#} h): {(IsFresh ? "fresh" : "STALE")}");

    /// <summary>Measures the lake at <paramref name="lakeRoot"/> at <paramref name="now"/>.</summary>
    public static Freshness Measure(string lakeRoot, DateTimeOffset now, double maxAgeHours)
    {
        var layout = new LakeLayout(lakeRoot);
        var landed = layout.LandedDates();
        if (landed.Count == 0)
        {
            return new Freshness(null, null, maxAgeHours);
        }

        var newest = landed.Max();
        var endOfDate = newest.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var started = SnapshotPublisher.ReadManifest(layout, newest)?.StartedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : (DateTime?)null;
        var asOf = started is { } t && t < endOfDate ? t : endOfDate;
        var age = Math.Max(0, (now.UtcDateTime - asOf).TotalHours);
        return new Freshness(newest, age, maxAgeHours, started);
    }

    /// <summary>An age in words a reader takes in at once: seconds, minutes, or hours to one decimal.</summary>
    private static string Age(double hours) => hours switch
    {
        < 1.0 / 60 => string.Create(CultureInfo.InvariantCulture, $"{hours * 3600:0} s"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{hours * 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} h"),
    };
}
