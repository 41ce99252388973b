namespace Analytics.DuckDb;

/// <summary>
/// A DuckDB INTERVAL: months, days and microseconds kept apart, because a month has no fixed length.
/// Converts to <see cref="TimeSpan"/> only when it has no months.
/// </summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    /// <summary>An interval of days and microseconds equal to <paramref name="span"/>.</summary>
    public static DuckDbInterval FromTimeSpan(TimeSpan span)
    {
        var micros = span.Ticks / TimeSpan.TicksPerMicrosecond;
        var days = micros / (86_400L * 1_000_000L);
        return new DuckDbInterval(0, checked((int)days), micros - days * 86_400L * 1_000_000L);
    }

    /// <summary>The interval as a <see cref="TimeSpan"/>.</summary>
    /// <exception cref="InvalidCastException">The interval has months, whose length in days depends on the calendar.</exception>
    public TimeSpan ToTimeSpan()
    {
        if (Months != 0)
        {
            throw new InvalidCastException($"The interval has {Months} month(s); a month has no fixed length, so it cannot be a TimeSpan. Read it as DuckDbInterval.");
        }

        return TimeSpan.FromDays(Days) + TimeSpan.FromTicks(Micros * TimeSpan.TicksPerMicrosecond);
    }
}
