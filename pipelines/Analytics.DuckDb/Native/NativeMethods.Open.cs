using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

// duckdb.h: "Open Connect", "Configuration" and "Helpers" sections.
internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_create_config(out IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_instance_cache();

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_instance_cache(ref IntPtr cache);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_get_or_create_from_cache(
        IntPtr cache, string? path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(IntPtr database, out IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(IntPtr connection);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial void duckdb_free(IntPtr pointer);
}
