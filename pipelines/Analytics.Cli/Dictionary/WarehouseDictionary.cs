using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;

namespace Analytics.Cli.Dictionary;

/// <summary>
/// What the data dictionary says about a warehouse: every table and view (but the test_failures tables) with its
/// description, grain, SQL file, lineage, columns and data tests, read from the warehouse's catalog and DuckDB's own
/// catalog functions. Only definitions, never data: no row counts, statuses, run ids, dates or timings, so any warehouse
/// built from the same models and code gives the same dictionary.
/// </summary>
/// <param name="DuckDbVersion">The DuckDB library reading the file, e.g. <c>v1.5.6</c>.</param>
/// <param name="StorageVersion">The file's storage format as DuckDB tags it, e.g. <c>v1.0.0+</c>; null when untagged.</param>
/// <param name="Tables">Every table and view, in dictionary order (<see cref="SchemaNotes.Order"/>, then by name).</param>
internal sealed record WarehouseDictionary(string DuckDbVersion, string? StorageVersion, IReadOnlyList<DictionaryTable> Tables)
{
    /// <summary>Reads the dictionary of the warehouse open on <paramref name="connection"/>.</summary>
    /// <exception cref="TransformRunException">The database has no catalog: it was not built by <c>analytics transform</c>.</exception>
    public static WarehouseDictionary Read(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var missing = WarehouseSql.Query(connection,
            """
            select name from (values ('models'), ('columns'), ('tests')) as needed(name)
            where name not in (select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'catalog')
            order by name
            """, r => "catalog." + r.GetString(0));
        if (missing.Count > 0)
        {
            throw new TransformRunException(
                $"{connection.DataSource}: not a warehouse built by `analytics transform` (no {string.Join(", ", missing)}); the dictionary is generated from its catalog.");
        }

        var version = (string)WarehouseSql.Scalar(connection, "select library_version from pragma_version()")!;
        var storage = WarehouseSql.Scalar(connection,
            "select tags['storage_version'] from duckdb_databases() where database_name = current_database()") as string;
        return new WarehouseDictionary(version, string.IsNullOrEmpty(storage) ? null : storage, ReadTables(connection));
    }

    private static List<DictionaryTable> ReadTables(DuckDBConnection connection)
    {
        var columns = WarehouseSql.Query(connection,
                """
                select d.schema_name || '.' || d.table_name, d.column_name, d.data_type, c.description
                from duckdb_columns() as d
                left join catalog.columns as c on c.schema_name = d.schema_name and c.table_name = d.table_name and c.column_name = d.column_name
                where d.database_name = current_database() and not d.internal
                order by d.schema_name, d.table_name, d.column_index
                """,
                r => (Table: r.GetString(0), Column: new DictionaryColumn(r.GetString(1), r.GetString(2), Text(r, 3))))
            .ToLookup(c => c.Table, c => c.Column, StringComparer.Ordinal);
        var tests = WarehouseSql.Query(connection,
                "select model_name, test_name, column_name, test_type, severity, description from catalog.tests",
                r => (Table: r.GetString(0), Test: new DictionaryTest(r.GetString(1), Text(r, 2), r.GetString(3), r.GetString(4), Text(r, 5))))
            .ToLookup(t => t.Table, t => t.Test, StringComparer.Ordinal);
        var metrics = ReadMetrics(connection);
        var tables = WarehouseSql.Query(connection,
            $"""
            with objects as (
                select schema_name, table_name as name, false as is_view from duckdb_tables()
                where database_name = current_database() and not internal and not temporary
                union all
                select schema_name, view_name, true from duckdb_views()
                where database_name = current_database() and not internal and not temporary
            )
            select o.schema_name, o.schema_name || '.' || o.name, o.is_view, m.description, m.grain, m.sql_file, coalesce(m.depends_on, [])
            from objects as o
            left join catalog.models as m on m.schema_name = o.schema_name and m.table_name = o.name
            where o.schema_name <> '{SchemaNotes.TestFailures}'
            """,
            r => new DictionaryTable(r.GetString(0), r.GetString(1), r.GetBoolean(2), Text(r, 3), Text(r, 4), Text(r, 5),
                ((IEnumerable<object?>)r.GetValue(6)).OfType<string>().Distinct(StringComparer.Ordinal).ToList(), [], [], []));
        return tables
            .Select(t => t with
            {
                Reads = Sorted(t.Reads),
                Columns = columns[t.Name].ToList(),
                Tests = OrderTests(tests[t.Name], columns[t.Name].Select(c => c.Name).ToList()),
                Metrics = metrics[t.Name].ToList(),
            })
            .OrderBy(t => SchemaNotes.Rank(t.Schema)).ThenBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The metrics by the table defining them; none in a warehouse built before catalog.metrics existed.</summary>
    private static ILookup<string, DictionaryMetric> ReadMetrics(DuckDBConnection connection)
    {
        var metrics = WarehouseSql.HasTable(connection, "catalog", "metrics")
            ? WarehouseSql.Query(connection, "select model_name, metric_name, label, definition, array_to_string(see, ', ') from catalog.metrics",
                r => (Table: r.GetString(0), Metric: new DictionaryMetric(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))))
            : [];
        return metrics.ToLookup(m => m.Table, m => m.Metric, StringComparer.Ordinal);
    }

    /// <summary>Tables in dictionary order: by schema (<see cref="SchemaNotes.Order"/>), then by name.</summary>
    public static List<string> Sorted(IEnumerable<string> tables) => tables
        .OrderBy(t => SchemaNotes.Rank(SchemaOf(t))).ThenBy(SchemaOf, StringComparer.Ordinal).ThenBy(t => t, StringComparer.Ordinal)
        .ToList();

    /// <summary>The schema of a qualified name (<c>marts</c> of <c>marts.win_rates</c>).</summary>
    public static string SchemaOf(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? string.Empty : table[..dot];
    }

    /// <summary>Tests of the whole table first, then by the column's position, then by name.</summary>
    private static List<DictionaryTest> OrderTests(IEnumerable<DictionaryTest> tests, List<string> columns) => tests
        .OrderBy(t => t.Column is null ? -1 : columns.IndexOf(t.Column) is var i and >= 0 ? i : columns.Count)
        .ThenBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
