using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Dapper;

namespace Analytics.Pipelines.Tests;

/// <summary>Reads landed Parquet the way an analyst would: an in-memory DuckDB and a query (through Dapper).</summary>
public static class LakeQuery
{
    public static List<T> Rows<T>(string sql, object? parameters = null)
    {
        using var connection = DuckDbFile.OpenInMemory();
        return connection.Query<T>(sql, parameters).ToList();
    }
}
