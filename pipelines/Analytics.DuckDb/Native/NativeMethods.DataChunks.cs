using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

// duckdb.h: "Data Chunk Interface" and "Vector Interface" sections: the fast path the reader and appender use.
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_column_count(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_vector_size();
}
