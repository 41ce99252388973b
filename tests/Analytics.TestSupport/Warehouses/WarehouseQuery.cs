using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Dapper;

namespace Analytics.TestSupport.Warehouses;

/// <summary>Reads a warehouse file the way an analyst would: a read-only connection and a query.</summary>
public static class WarehouseQuery
{
    public static List<T> Rows<T>(string warehouse, string sql, object? parameters = null)
    {
        using var connection = DuckDbFile.Open(warehouse, readOnly: true);
        return connection.Query<T>(sql, parameters).ToList();
    }

    public static T Scalar<T>(string warehouse, string sql) => Rows<T>(warehouse, sql).Single();

    /// <summary>A LIST value of the first row (Dapper would map a List&lt;T&gt; target by column names, not as a value).</summary>
    public static List<T> List<T>(string warehouse, string sql)
    {
        using var connection = DuckDbFile.Open(warehouse, readOnly: true);
        return (List<T>)connection.ExecuteScalar(sql)!;
    }
}
