using Analytics.Pipelines.Crm;
using Analytics.Sources.Demo;
using Dapper;
using DuckDB.NET.Data;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms;

/// <summary>
/// The warehouse is plain DuckDB: a client that knows nothing of this code base (a bare DuckDB.NET connection string
/// with DuckDB's own <c>access_mode</c> option, as the DuckDB CLI or Python would open it) reads it read-only and
/// finds every mart column documented in catalog.columns.
/// </summary>
public sealed class OtherClientTests
{
    [Fact]
    public void A_bare_read_only_duckdb_connection_finds_every_mart_column_documented()
    {
        var date = new DateOnly(2026, 6, 30);
        var snapshot = new DemoCrm(new DemoCrmOptions { Scale = 0.05 }).Snapshot(date);
        using var warehouse = TestWarehouse.Build(date, CrmSchema.Entities.SelectMany(e => snapshot.RecordsOf(e.Name)).ToList());

        using var connection = new DuckDBConnection($"Data Source={warehouse.Path};access_mode=READ_ONLY");
        connection.Open();
        var columns = connection.QuerySingle<(long MartColumns, long Undocumented, long PhysicalMartColumns)>("""
            select count(*),
                   count(*) filter (where c.description is null or c.description = ''),
                   (select count(*) from information_schema.columns where table_schema = 'marts')
            from catalog.columns as c where c.schema_name = 'marts'
            """);
        var build = connection.QuerySingle<(string RunId, string SnapshotDate)>("select run_id, cast(snapshot_date as varchar) from catalog.builds");

        Assert.StartsWith("v1.5", connection.ExecuteScalar<string>("select version()"), StringComparison.Ordinal);
        Assert.Equal(0, columns.Undocumented);
        Assert.NotEqual(0, columns.MartColumns);
        Assert.Equal(columns.PhysicalMartColumns, columns.MartColumns);
        Assert.Equal(warehouse.Result.RunId, build.RunId);
        Assert.Equal("2026-06-30", build.SnapshotDate);
        Assert.Throws<DuckDBException>(() => connection.Execute("create table marts.scratch(i integer)")); // read-only really is
    }
}
