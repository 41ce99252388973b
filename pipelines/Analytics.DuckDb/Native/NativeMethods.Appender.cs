using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

// duckdb.h: "Appender" section.
internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(IntPtr connection, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_error(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_flush(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_close(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_destroy(ref IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_end_row(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_bool(IntPtr appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int8(IntPtr appender, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int16(IntPtr appender, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int32(IntPtr appender, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int64(IntPtr appender, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_hugeint(IntPtr appender, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint8(IntPtr appender, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint16(IntPtr appender, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint32(IntPtr appender, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint64(IntPtr appender, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_float(IntPtr appender, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_double(IntPtr appender, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_date(IntPtr appender, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_time(IntPtr appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_timestamp(IntPtr appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_interval(IntPtr appender, DuckDbIntervalValue value);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_append_varchar_length(IntPtr appender, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_append_blob(IntPtr appender, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_null(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_value(IntPtr appender, IntPtr value);
}
