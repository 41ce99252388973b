using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>duckdb_state.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary>duckdb_result_type.</summary>
internal enum DuckDbResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}

/// <summary>duckdb_statement_type (only the values we branch on).</summary>
internal enum DuckDbStatementType
{
    Invalid = 0,
    Select = 1,
}

/// <summary>
/// duckdb_result: six pointer-sized fields. The deprecated fields are never read; DuckDB owns the contents and
/// duckdb_destroy_result frees them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResult
{
    internal ulong DeprecatedColumnCount;
    internal ulong DeprecatedRowCount;
    internal ulong DeprecatedRowsChanged;
    internal IntPtr DeprecatedColumns;
    internal IntPtr DeprecatedErrorMessage;
    internal IntPtr InternalData;
}

/// <summary>duckdb_hugeint and duckdb_uhugeint: a 128-bit integer as lower and upper halves.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeInt
{
    internal ulong Lower;
    internal long Upper;
}

/// <summary>duckdb_interval.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbIntervalValue
{
    internal int Months;
    internal int Days;
    internal long Micros;
}

/// <summary>duckdb_decimal: width and scale, then the unscaled value as a hugeint.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimal
{
    internal byte Width;
    internal byte Scale;
    internal DuckDbHugeInt Value;
}

/// <summary>duckdb_list_entry: where a row's list lives in the child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    internal ulong Offset;
    internal ulong Length;
}
