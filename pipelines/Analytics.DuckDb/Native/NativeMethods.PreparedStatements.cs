using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

// duckdb.h: "Extract Statements", "Prepared Statements", "Bind Values To Prepared Statements" and
// "Execute Prepared Statements" sections.
internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong duckdb_extract_statements(IntPtr connection, string query, out IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(
        IntPtr connection, IntPtr extracted, ulong index, out IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_extract_statements_error(IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_extracted(ref IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_prepare_error(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_parameter_name(IntPtr prepared, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbStatementType duckdb_prepared_statement_type(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_clear_bindings(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_value(IntPtr prepared, ulong index, IntPtr value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_boolean(IntPtr prepared, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int8(IntPtr prepared, ulong index, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int16(IntPtr prepared, ulong index, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int32(IntPtr prepared, ulong index, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int64(IntPtr prepared, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_hugeint(IntPtr prepared, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint8(IntPtr prepared, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint16(IntPtr prepared, ulong index, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint32(IntPtr prepared, ulong index, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint64(IntPtr prepared, ulong index, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_float(IntPtr prepared, ulong index, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_double(IntPtr prepared, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_decimal(IntPtr prepared, ulong index, DuckDbDecimal value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_date(IntPtr prepared, ulong index, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_time(IntPtr prepared, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp(IntPtr prepared, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp_tz(IntPtr prepared, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_interval(IntPtr prepared, ulong index, DuckDbIntervalValue value);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_bind_varchar_length(IntPtr prepared, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_bind_blob(IntPtr prepared, ulong index, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_null(IntPtr prepared, ulong index);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_execute_prepared(IntPtr prepared, DuckDbResult* result);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_execute_prepared_streaming(IntPtr prepared, DuckDbResult* result);
}
