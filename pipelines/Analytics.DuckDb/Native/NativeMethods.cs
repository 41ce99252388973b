using System.Reflection;
using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>
/// Entry points of DuckDB's C API (duckdb.h, libduckdb 1.5.x), one partial file per section of the header.
/// Handles are plain pointers here; ownership lives in the <see cref="SafeHandle"/> types beside this file.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>The library name every import uses; <see cref="Resolve"/> maps it to a file.</summary>
    internal const string Library = "duckdb";

    /// <summary>Environment variable that points at another copy of libduckdb.so (any 1.5.x build).</summary>
    internal const string LibraryPathVariable = "DUCKDB_NATIVE_LIBRARY";

    // Every entry point is a static member of this class, so the resolver is registered before the first call.
    static NativeMethods() => NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        var overridePath = Environment.GetEnvironmentVariable(LibraryPathVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (NativeLibrary.TryLoad(overridePath, out var fromVariable))
            {
                return fromVariable;
            }

            throw new DllNotFoundException(
                $"{LibraryPathVariable} is set to '{overridePath}', but no loadable libduckdb.so is there. " +
                $"Point it at a libduckdb.so 1.5.x, or unset it to use the copy the build places beside the assemblies.");
        }

        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "libduckdb.so"),
            Path.Combine(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, "libduckdb.so"),
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        if (NativeLibrary.TryLoad("libduckdb.so", assembly, searchPath, out var fromSystem))
        {
            return fromSystem;
        }

        throw new DllNotFoundException(
            $"libduckdb.so was not found beside the assemblies ({AppContext.BaseDirectory}). " +
            $"Build the solution with 'dotnet build' (it fetches DuckDB 1.5.6 through npm), " +
            $"or set {LibraryPathVariable} to the path of a libduckdb.so 1.5.x.");
    }

    /// <summary>Reads a NUL-terminated UTF-8 string owned by DuckDB (not freed here).</summary>
    internal static string? ReadUtf8(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>Reads a NUL-terminated UTF-8 string that the caller owns and must release with duckdb_free.</summary>
    internal static string? ReadUtf8AndFree(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            duckdb_free(text);
        }
    }
}
