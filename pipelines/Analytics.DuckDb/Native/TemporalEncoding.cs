using System.Buffers.Binary;

namespace Analytics.DuckDb.Native;

/// <summary>
/// Conversions between DuckDB's physical encodings and CLR values: dates as days since 1970-01-01, timestamps as
/// microseconds since the Unix epoch (UTC), UUIDs as a hugeint whose top bit is flipped so that they sort.
/// </summary>
internal static class TemporalEncoding
{
    private const int UnixEpochDayNumber = 719_162; // DateOnly(1970, 1, 1).DayNumber
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    internal static DateOnly DateFromDays(int days) => days switch
    {
        int.MaxValue => DateOnly.MaxValue,  // 'infinity'
        -int.MaxValue => DateOnly.MinValue, // '-infinity'
        _ => DateOnly.FromDayNumber(checked(days + UnixEpochDayNumber)),
    };

    internal static int DaysFromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    internal static DateTime TimestampFromMicros(long micros)
    {
        if (micros == long.MaxValue)
        {
            return DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
        }

        if (micros == -long.MaxValue)
        {
            return DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
        }

        var ticks = UnixEpochTicks + micros * TimeSpan.TicksPerMicrosecond;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new InvalidCastException($"The timestamp {micros} µs since 1970 lies outside the years 1-9999 that DateTime can hold.");
        }

        return new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>Microseconds since the epoch; local times are converted to UTC, unspecified ones are taken as UTC.</summary>
    internal static long MicrosFromTimestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return (utc.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;
    }

    internal static long MicrosFromTime(TimeOnly value) => value.Ticks / TimeSpan.TicksPerMicrosecond;

    internal static TimeOnly TimeFromMicros(long micros) => new(micros * TimeSpan.TicksPerMicrosecond);

    internal static Guid GuidFromHugeInt(DuckDbHugeInt value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value.Upper ^ long.MinValue);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The UUID as the plain unsigned 128-bit number duckdb_create_uuid expects (no flipped bit).</summary>
    internal static DuckDbHugeInt UnsignedFromGuid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new DuckDbHugeInt
        {
            Upper = BinaryPrimitives.ReadInt64BigEndian(bytes),
            Lower = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }
}
