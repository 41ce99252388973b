using Analytics.Pipelines.Warehouse;

namespace Analytics.Pipelines.Tests.Warehouse;

public sealed class CurrentBuildTests
{
    [Fact]
    public void A_database_without_a_catalog_has_no_current_build()
    {
        using var connection = DuckDbFile.OpenInMemory();

        Assert.Null(CurrentBuild.Read(connection));
    }

    [Fact]
    public void The_current_build_is_the_newest_successful_one_with_its_snapshot_and_engine()
    {
        using var connection = WithBuilds("""
                ('old', date '2026-06-30', timestamp '2026-07-01 02:00:00', 'succeeded', 'v1.5.6'),
                ('new', date '2026-09-30', timestamp '2026-10-01 02:00:00', 'succeeded', 'v1.5.6'),
                ('failed', date '2026-10-31', timestamp '2026-11-01 02:00:00', 'failed', 'v1.5.6')
            """);

        Assert.Equal(new CurrentBuild("new", new DateOnly(2026, 9, 30), "v1.5.6"), CurrentBuild.Read(connection));
    }

    [Fact]
    public void A_catalog_with_only_failed_builds_has_no_current_build()
    {
        using var connection = WithBuilds("""
                ('failed', date '2026-10-31', timestamp '2026-11-01 02:00:00', 'failed', 'v1.5.6')
            """);

        Assert.Null(CurrentBuild.Read(connection));
    }

    /// <summary>An in-memory database whose catalog.builds holds <paramref name="values"/> (the rows of an insert).</summary>
    private static DuckDB.NET.Data.DuckDBConnection WithBuilds(string values)
    {
        var connection = DuckDbFile.OpenInMemory();
        WarehouseSql.Execute(connection, $"""
            create schema catalog;
            create table catalog.builds (run_id varchar, snapshot_date date, finished_at timestamp, status varchar, duckdb_version varchar);
            insert into catalog.builds values {values};
            """);
        return connection;
    }
}
