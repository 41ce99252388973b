using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>DATE: int32 days since 1970-01-01, read as <see cref="DateOnly"/>.</summary>
internal sealed unsafe class DateReader() : VectorReader("DATE")
{
    public override Type ClrType => typeof(DateOnly);

    private DateOnly Get(int row) => TemporalEncoding.DateFromDays(((int*)Data)[row]);

    public override object GetValue(int row) => Get(row);

    public override DateTime GetDateTime(int row) => Get(row).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public override TValue GetFieldValue<TValue>(int row)
    {
        if (typeof(TValue) == typeof(DateOnly) || typeof(TValue) == typeof(DateOnly?))
        {
            return (TValue)(object)Get(row);
        }

        return typeof(TValue) == typeof(DateTime) || typeof(TValue) == typeof(DateTime?)
            ? (TValue)(object)GetDateTime(row)
            : base.GetFieldValue<TValue>(row);
    }
}

/// <summary>
/// TIMESTAMP, TIMESTAMPTZ and the S / MS / NS variants: an int64 count of units since the Unix epoch, read as a UTC
/// <see cref="DateTime"/> (nanoseconds are truncated to the 100 ns tick).
/// </summary>
internal sealed unsafe class TimestampReader(string typeName, long unitsPerMicro, long microsPerUnit) : VectorReader(typeName)
{
    public override Type ClrType => typeof(DateTime);

    public override DateTime GetDateTime(int row)
    {
        var raw = ((long*)Data)[row];
        if (raw == long.MaxValue || raw == -long.MaxValue)
        {
            return TemporalEncoding.TimestampFromMicros(raw);
        }

        if (unitsPerMicro > 1)
        {
            // Nanoseconds: keep the 100 ns ticks DateTime can hold.
            var ticks = DateTime.UnixEpoch.Ticks + raw / 100;
            return new DateTime(ticks, DateTimeKind.Utc);
        }

        return TemporalEncoding.TimestampFromMicros(raw * microsPerUnit);
    }

    public override object GetValue(int row) => GetDateTime(row);

    public override TValue GetFieldValue<TValue>(int row)
    {
        if (typeof(TValue) == typeof(DateTime) || typeof(TValue) == typeof(DateTime?))
        {
            return (TValue)(object)GetDateTime(row);
        }

        return typeof(TValue) == typeof(DateTimeOffset) || typeof(TValue) == typeof(DateTimeOffset?)
            ? (TValue)(object)new DateTimeOffset(GetDateTime(row))
            : base.GetFieldValue<TValue>(row);
    }
}

/// <summary>TIME: int64 microseconds since midnight, read as <see cref="TimeOnly"/>.</summary>
internal sealed unsafe class TimeReader() : VectorReader("TIME")
{
    public override Type ClrType => typeof(TimeOnly);

    public override object GetValue(int row) => TemporalEncoding.TimeFromMicros(((long*)Data)[row]);
}

/// <summary>INTERVAL: months, days, micros, read as <see cref="DuckDbInterval"/> (or <see cref="TimeSpan"/> when asked and month-free).</summary>
internal sealed unsafe class IntervalReader() : VectorReader("INTERVAL")
{
    public override Type ClrType => typeof(DuckDbInterval);

    private DuckDbInterval Get(int row)
    {
        var raw = ((DuckDbIntervalValue*)Data)[row];
        return new DuckDbInterval(raw.Months, raw.Days, raw.Micros);
    }

    public override object GetValue(int row) => Get(row);

    public override TValue GetFieldValue<TValue>(int row) =>
        typeof(TValue) == typeof(TimeSpan) || typeof(TValue) == typeof(TimeSpan?)
            ? (TValue)(object)Get(row).ToTimeSpan()
            : base.GetFieldValue<TValue>(row);
}
