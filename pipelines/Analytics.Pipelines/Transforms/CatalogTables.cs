using Analytics.Pipelines.Warehouse;
using System.Text;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The one way a table or view that no SQL model builds gets into the warehouse's catalog (<c>catalog.models</c> and
/// <c>catalog.columns</c>): the catalog's own tables, the lake views, failing-rows tables, the run history, the delivery
/// ledger and the scoring stage's tables, each described by its <c>tables/&lt;schema&gt;/&lt;table&gt;.yml</c>
/// (<see cref="TableDescriptions"/>). It checks that every column is described, so analysts (and the data
/// dictionary, <c>docs/warehouse.md</c>) find what each one means, and copies the descriptions into DuckDB's own
/// comments (<c>COMMENT ON</c>), which any DuckDB client shows through <c>duckdb_tables()</c> and <c>duckdb_columns()</c>.
/// </summary>
public static class CatalogTables
{
    /// <summary>The catalog's table of tables and views.</summary>
    public const string Models = "catalog.models";

    /// <summary>The catalog's table of columns.</summary>
    public const string Columns = "catalog.columns";

    /// <summary>
    /// Opens the part of a description that holds the settings a build used (the tier thresholds): configuration, not
    /// definition, so the data dictionary, which must not change with pipeline.yaml, leaves it out.
    /// </summary>
    public const string BuildSettingsMarker = "This build used: ";

    /// <summary>The two tables every describing step writes; created by the transform, or here when a step finds them missing.</summary>
    internal const string Ddl = """
        create schema if not exists catalog;
        create table if not exists catalog.models (
            model_name varchar, schema_name varchar, table_name varchar, layer varchar, materialization varchar,
            description varchar, grain varchar, sql_file varchar, depends_on varchar[], status varchar,
            row_count bigint, build_ms bigint, error varchar, run_id varchar);
        create table if not exists catalog.columns (
            model_name varchar, schema_name varchar, table_name varchar, column_name varchar, ordinal integer,
            data_type varchar, description varchar);
        """;

    /// <summary>
    /// Records <paramref name="table"/> (schema-qualified, a table or a view) in the catalog with the description, grain
    /// and columns of its <c>tables/&lt;schema&gt;/&lt;table&gt;.yml</c> (<see cref="TableDescriptions"/>) and the tables it
    /// reads; replaces an earlier record of the same table. Its layer is its schema; a view gets no row count. The
    /// catalog tables are created first if the warehouse has none.
    /// </summary>
    /// <param name="connection">An open, writable warehouse connection.</param>
    /// <param name="table">The table or view, e.g. <c>scores.forecast</c>.</param>
    /// <param name="dependsOn">The tables and views it is computed from (schema-qualified).</param>
    /// <param name="runId">The run that wrote it, or null when no run did (a table reloaded from a file).</param>
    /// <exception cref="InvalidOperationException">The table does not exist or has no description, a column of it has no
    /// description, or a description names no column.</exception>
    public static void Describe(DuckDBConnection connection, string table, IReadOnlyList<string> dependsOn, string? runId) =>
        Describe(connection, TableDescriptions.Of(table), dependsOn, runId);

    /// <summary>
    /// Records <paramref name="description"/>'s table as <see cref="Describe(DuckDBConnection, string, IReadOnlyList{string}, string?)"/>
    /// does, for a description composed from YAML (a lake view's columns come from the staging model's YAML too, a
    /// failing-rows table's from its template and the model it checks).
    /// </summary>
    public static void Describe(DuckDBConnection connection, TableDescription description, IReadOnlyList<string> dependsOn, string? runId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(dependsOn);
        var table = description.Name;
        var columns = description.ColumnDescriptions;
        var (schema, name) = Split(table);
        var actual = WarehouseSql.Query(connection,
            """
            select column_name, column_index::integer, data_type from duckdb_columns()
            where database_name = current_database() and schema_name = $schema and table_name = $name order by column_index
            """,
            r => (Column: r.GetString(0), Ordinal: r.GetInt32(1), Type: r.GetString(2)), ("schema", schema), ("name", name));
        if (actual.Count == 0)
        {
            throw new InvalidOperationException($"{table}: no such table to describe.");
        }

        var undescribed = actual.Select(c => c.Column).Where(c => !columns.ContainsKey(c)).ToList();
        var unknown = columns.Keys.Where(k => actual.All(c => c.Column != k)).ToList();
        if (undescribed.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{table}: columns without a description: [{string.Join(", ", undescribed)}]; descriptions of no column: [{string.Join(", ", unknown)}].");
        }

        var isView = IsView(connection, schema, name);
        long? rows = isView ? null : Convert.ToInt64(WarehouseSql.Scalar(connection, $"select count(*) from {Quote(schema)}.{Quote(name)}"), System.Globalization.CultureInfo.InvariantCulture);
        WarehouseSql.Execute(connection, Ddl);
        WarehouseSql.Execute(connection, "delete from catalog.models where model_name = $table", ("table", table));
        WarehouseSql.Execute(connection, "delete from catalog.columns where model_name = $table", ("table", table));
        WarehouseSql.Execute(connection,
            """
            insert into catalog.models (model_name, schema_name, table_name, layer, materialization, description, grain, sql_file,
                depends_on, status, row_count, build_ms, error, run_id)
            values ($table, $schema, $name, $schema, $kind, $description, $grain, null, $dependsOn, 'built', $rows, null, null, $runId)
            """,
            ("table", table), ("schema", schema), ("name", name), ("kind", isView ? "view" : "table"), ("description", description.Description),
            ("grain", description.Grain), ("dependsOn", dependsOn.ToArray()), ("rows", rows), ("runId", runId));
        WarehouseSql.InsertRows(connection, Columns,
            actual.Select(c => new object?[] { table, schema, name, c.Column, c.Ordinal, c.Type, columns[c.Column] }));
        Comment(connection, schema, name, isView, description.Description, actual.Select(c => (c.Column, (string?)columns[c.Column])));
    }

    /// <summary>
    /// Sets DuckDB's comments of a table or view and of its columns (a null description leaves that column's comment
    /// unset), all in one command.
    /// </summary>
    internal static void Comment(DuckDBConnection connection, string schema, string name, bool isView, string description,
        IEnumerable<(string Column, string? Description)> columns)
    {
        var target = $"{Quote(schema)}.{Quote(name)}";
        var sql = new StringBuilder($"comment on {(isView ? "view" : "table")} {target} is {DataTestSql.Literal(description)};\n");
        foreach (var (column, text) in columns)
        {
            if (text is not null)
            {
                sql.Append($"comment on column {target}.{Quote(column)} is {DataTestSql.Literal(text)};\n");
            }
        }

        WarehouseSql.Execute(connection, sql.ToString());
    }

    /// <summary>True when <paramref name="schema"/>.<paramref name="name"/> is a view rather than a table.</summary>
    internal static bool IsView(DuckDBConnection connection, string schema, string name) =>
        Convert.ToInt64(WarehouseSql.Scalar(connection,
            "select count(*) from duckdb_views() where database_name = current_database() and schema_name = $schema and view_name = $name",
            ("schema", schema), ("name", name)), System.Globalization.CultureInfo.InvariantCulture) > 0;

    /// <summary>A quoted SQL identifier: catalog.runs has columns called <c>trigger</c> and <c>rows</c>.</summary>
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static (string Schema, string Name) Split(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (table[..dot], table[(dot + 1)..]) : throw new ArgumentException($"'{table}' is not schema-qualified.", nameof(table));
    }
}
