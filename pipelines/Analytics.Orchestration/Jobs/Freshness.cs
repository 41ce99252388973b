using System.Globalization;
using Analytics.Pipelines.Lake;

namespace Analytics.Orchestration.Jobs;

/// <summary>
/// How old the newest landed snapshot is. A snapshot's age is counted from 00:00 UTC of its snapshot date, so with the
/// default limit of 36 hours yesterday's snapshot is fresh until 12:00 UTC today.
/// </summary>
/// <param name="Newest">The newest landed snapshot date, or null when the lake is empty.</param>
/// <param name="AgeHours">Its age in hours (null when the lake is empty).</param>
/// <param name="MaxAgeHours">The limit (runs.freshness_max_age_hours).</param>
public sealed record Freshness(DateOnly? Newest, double? AgeHours, double MaxAgeHours)
{
    /// <summary>Whether the newest snapshot is within the limit.</summary>
    public bool IsFresh => AgeHours is { } age && age <= MaxAgeHours;

    /// <summary>One line saying how fresh the lake is.</summary>
    public string Describe(string lakeRoot) => Newest is not { } newest
        ? $"the lake {lakeRoot} holds no snapshot"
        : string.Create(CultureInfo.InvariantCulture,
            $"newest snapshot {newest:yyyy-MM-dd} is {AgeHours:0.#} h old (limit {MaxAgeHours:0.#} h): {(IsFresh ? "fresh" : "STALE")}");

    /// <summary>Measures the lake at <paramref name="lakeRoot"/> at <paramref name="now"/>.</summary>
    public static Freshness Measure(string lakeRoot, DateTimeOffset now, double maxAgeHours)
    {
        var landed = new LakeLayout(lakeRoot).LandedDates();
        if (landed.Count == 0)
        {
            return new Freshness(null, null, maxAgeHours);
        }

        var newest = landed.Max();
        var age = (now.UtcDateTime - newest.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalHours;
        return new Freshness(newest, age, maxAgeHours);
    }
}
