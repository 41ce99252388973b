using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

// duckdb.h: "Query Execution" and "Result Functions" sections. Results are duckdb_result structs that we
// allocate in unmanaged memory (ResultHandle) and pass by pointer, except duckdb_fetch_chunk, which takes the struct by value.
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static unsafe partial void duckdb_destroy_result(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_column_name(DuckDbResult* result, ulong column);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbType duckdb_column_type(DuckDbResult* result, ulong column);

    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_column_logical_type(DuckDbResult* result, ulong column);

    [LibraryImport(Library)]
    internal static unsafe partial ulong duckdb_column_count(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static unsafe partial ulong duckdb_rows_changed(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_result_error(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static partial DuckDbResultType duckdb_result_return_type(DuckDbResult result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_fetch_chunk(DuckDbResult result);
}
