namespace Analytics.Sources.Demo;

/// <summary>Time arithmetic of the demo: UTC instants to the second, working hours, and the snapshot cut-off.</summary>
internal static class DemoCalendar
{
    public static DateTime StartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the end of day <paramref name="asOf"/> (UTC): a snapshot holds what happened before it.</summary>
    public static DateTime CutoffOf(DateOnly asOf) => StartOf(asOf.AddDays(1));

    public static DateOnly DateOf(DateTime instant) => DateOnly.FromDateTime(instant);

    public static bool IsWeekend(DateTime day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A time during the working day (about 08:00-18:30 UTC, most often mid-morning and mid-afternoon).</summary>
    public static DateTime WorkingTimeOn(DateTime dayStart, DemoRandom random)
    {
        var hours = 8.0 + (10.5 * ((random.NextDouble() + random.NextDouble()) / 2.0));
        return Truncate(dayStart.AddHours(hours));
    }

    /// <summary>The instant <paramref name="hours"/> after <paramref name="from"/>, to the second.</summary>
    public static DateTime AfterHours(DateTime from, double hours) => Truncate(from.AddHours(hours));

    /// <summary>Moves a weekend instant to the same time on the following Monday.</summary>
    public static DateTime ToWeekday(DateTime instant) => instant.DayOfWeek switch
    {
        DayOfWeek.Saturday => instant.AddDays(2),
        DayOfWeek.Sunday => instant.AddDays(1),
        _ => instant,
    };

    public static DateTime Truncate(DateTime instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    public static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
