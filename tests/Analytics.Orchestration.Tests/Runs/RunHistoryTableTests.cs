using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Orchestration.Runs;

namespace Analytics.Orchestration.Tests.Runs;

public sealed class RunHistoryTableTests
{
    private static readonly RunRecord Run = new("20261121T030000Z-abcd", "main", "manual", new DateOnly(2026, 11, 21), "vm", 42,
        new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 3, 1, 0, TimeSpan.Zero), RunOutcome.Succeeded, null,
        [new StepRecord("extract", 1, StepOutcome.Succeeded, Attempts: 1, Rows: 10, Outputs: ["manifest.json"])]);

    [Fact]
    public void Load_describes_both_tables_and_every_column_in_the_catalog_each_time()
    {
        using var connection = DuckDbFile.OpenInMemory();

        RunHistoryTable.Load(connection, [Run]);
        RunHistoryTable.Load(connection, [Run]);

        Assert.Equal(["catalog.run_steps|one row per (run_id, ordinal)", "catalog.runs|one row per run"], WarehouseSql.Query(connection,
            "select model_name || '|' || grain from catalog.models order by 1", r => r.GetString(0)));
        Assert.Equal(0L, Convert.ToInt64(WarehouseSql.Scalar(connection, """
            select count(*) from duckdb_columns() as d
            left join catalog.columns as c on c.schema_name = d.schema_name and c.table_name = d.table_name and c.column_name = d.column_name
            where d.schema_name = 'catalog' and d.table_name in ('runs', 'run_steps') and coalesce(c.description, '') = ''
            """), System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("manual for a command", (string)WarehouseSql.Scalar(connection,
            "select comment from duckdb_columns() where table_name = 'runs' and column_name = 'trigger'")!, StringComparison.Ordinal);
    }
}
