using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

// duckdb.h: "Logical Type Interface" and "Value Interface" sections.
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_enum_internal_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_enum_dictionary_value(IntPtr logicalType, ulong index);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_type_child_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_uuid(DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_decimal(DuckDbDecimal value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_list_value(IntPtr childType, IntPtr[] values, ulong count);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref IntPtr value);
}

// duckdb.h: "Value Interface" creators, used to bind LIST parameters element by element.
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_bool([MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int32(int value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int64(long value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_double(double value);

    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_date(int days);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_timestamp(long micros);
}
