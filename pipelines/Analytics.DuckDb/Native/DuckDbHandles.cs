using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>
/// Base of every owned DuckDB pointer: released exactly once, by the destroy function of its C API section, even
/// when the owner forgets to dispose it (the finalizer of <see cref="SafeHandle"/>).
/// </summary>
internal abstract class DuckDbHandle : SafeHandle
{
    protected DuckDbHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw pointer, for calls made while the owner keeps this handle alive.</summary>
    internal IntPtr Pointer => handle;
}

/// <summary>duckdb_database, obtained from the instance cache; duckdb_close releases this reference.</summary>
internal sealed class DatabaseHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_close(ref handle);
        return true;
    }
}

/// <summary>duckdb_connection.</summary>
internal sealed class ConnectionHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_disconnect(ref handle);
        return true;
    }
}

/// <summary>duckdb_prepared_statement.</summary>
internal sealed class PreparedStatementHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_prepare(ref handle);
        return true;
    }
}

/// <summary>duckdb_extracted_statements.</summary>
internal sealed class ExtractedStatementsHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_extracted(ref handle);
        return true;
    }
}

/// <summary>duckdb_data_chunk.</summary>
internal sealed class DataChunkHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_data_chunk(ref handle);
        return true;
    }
}

/// <summary>duckdb_logical_type.</summary>
internal sealed class LogicalTypeHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_logical_type(ref handle);
        return true;
    }
}

/// <summary>duckdb_appender.</summary>
internal sealed class AppenderHandle(IntPtr handle) : DuckDbHandle(handle)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_appender_destroy(ref handle);
        return true;
    }
}

/// <summary>
/// A duckdb_result struct in unmanaged memory: duckdb_destroy_result frees what DuckDB put in it, then we free
/// the struct itself.
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    private ResultHandle(IntPtr memory)
        : base(memory)
    {
    }

    internal static ResultHandle Allocate() =>
        new((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResult)));

    internal DuckDbResult* Result => (DuckDbResult*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result((DuckDbResult*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
