using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Transforms;

internal static partial class WarehouseCatalog
{
    private static readonly Dictionary<string, string> BuildColumns = new(StringComparer.Ordinal)
    {
        ["run_id"] = "The id of the run that built this warehouse; QBR pages and catalog.runs carry the same id.",
        ["snapshot_date"] = "The lake snapshot the warehouse was built from.",
        ["requested_as_of"] = "The date asked for with `analytics transform --as-of`; null when the build took the latest snapshot.",
        ["started_at"] = "When the build started (UTC).",
        ["finished_at"] = "When the last model and data test were done (UTC).",
        ["status"] = "succeeded or failed. The warehouse in use always reads succeeded: a failed build is kept under data/runs/<run id>/ instead.",
        ["lake_root"] = "The lake folder the build read.",
        ["transforms_folder"] = "The folder of SQL models the build ran (pipelines/transforms in the repository).",
        ["fiscal_year_start_month"] = "The month the fiscal year starts in (pipeline.yaml fiscal.year_start_month; 1 = January).",
        ["models_built"] = "Models built.",
        ["models_failed"] = "Models whose SQL or an error-severity data test failed.",
        ["models_skipped"] = "Models not built because a model they read failed.",
        ["tests_passed"] = "Data tests that found no failing row.",
        ["tests_warned"] = "Warn-severity data tests that found failing rows (recorded; the build went on).",
        ["tests_failed"] = "Error-severity data tests that found failing rows, or whose query failed.",
        ["tests_skipped"] = "Data tests not run because a model they read was not built.",
        ["duckdb_version"] = "The DuckDB version that built the file, e.g. v1.5.6.",
    };

    private static readonly Dictionary<string, string> ModelColumns = new(StringComparer.Ordinal)
    {
        ["model_name"] = "The table or view, schema-qualified, e.g. marts.win_rates.",
        ["schema_name"] = "Its schema.",
        ["table_name"] = "Its name within the schema.",
        ["layer"] = "Where it comes from; the same as its schema: staging, intermediate or marts (SQL models), config, scores, catalog, lake or test_failures.",
        ["materialization"] = "table or view (a view computes its rows when queried).",
        ["description"] = "What it holds.",
        ["grain"] = "What one row is.",
        ["sql_file"] = "The SQL model it is built from, relative to the transforms folder (marts/win_rates.sql); null for tables the pipeline's code writes.",
        ["depends_on"] = "The tables and views it reads: its lineage one step up.",
        ["status"] = "built, failed or skipped; everything in the warehouse in use was built.",
        ["row_count"] = "Rows when it was built or described; null for a view.",
        ["build_ms"] = "Milliseconds its SQL took to build; 0 or null for what the pipeline's code writes.",
        ["error"] = "Why it failed or was skipped; null when built.",
        ["run_id"] = "The run that built or described it; null for the run history and the delivery ledger, which are reloaded from their files after every run.",
    };

    private static readonly Dictionary<string, string> ColumnColumns = new(StringComparer.Ordinal)
    {
        ["model_name"] = "The table or view, schema-qualified.",
        ["schema_name"] = "Its schema.",
        ["table_name"] = "Its name within the schema.",
        ["column_name"] = "The column.",
        ["ordinal"] = "The column's position in the table, from 1.",
        ["data_type"] = "Its DuckDB type, e.g. VARCHAR, DECIMAL(18,2), TIMESTAMP or VARCHAR[] (a list).",
        ["description"] = "What it holds, in the analyst's words.",
    };

    private static readonly Dictionary<string, string> TestColumns = new(StringComparer.Ordinal)
    {
        ["test_name"] = "The test's name; its failing rows, if any, are in test_failures.<test_name>.",
        ["model_name"] = "The model it checks.",
        ["column_name"] = "The column it checks; null for a test of the whole model.",
        ["test_type"] = "unique, not_null, accepted_values, relationships, unique_combination, expression or columns_documented (docs/transforms.md).",
        ["severity"] = "error (a failure fails the model and keeps the previous warehouse) or warn (recorded; the build goes on).",
        ["status"] = "passed, warned, failed, or skipped when a model it reads was not built.",
        ["failing_rows"] = "How many rows broke the rule (exact, however few were kept).",
        ["failures_table"] = "The table keeping the first failing rows (transform.failing_rows_kept); null when it passed.",
        ["duration_ms"] = "Milliseconds the test's query took.",
        ["description"] = "The rule in words: from the model's YAML, or derived from the test's kind.",
        ["error"] = "DuckDB's message when the test's query itself failed; null otherwise.",
        ["sql"] = "The query returning the failing rows.",
        ["run_id"] = "The build that ran it.",
    };

    private static readonly Dictionary<string, string> SourceColumns = new(StringComparer.Ordinal)
    {
        ["entity"] = "The CRM entity, e.g. opportunities.",
        ["snapshot_date"] = "The snapshot the file belongs to.",
        ["file"] = "The Parquet file read.",
        ["rows_landed"] = "Rows in the file.",
        ["rows_quarantined"] = "Rows of the same extract refused into the quarantine (with file, line, field and reason).",
        ["sha256"] = "The file's SHA-256 as the snapshot's manifest records it.",
    };

    /// <summary>The columns of failing-rows tables that come from the test's query rather than from the model.</summary>
    private static readonly Dictionary<string, string> FailureColumns = new(StringComparer.Ordinal)
    {
        ["occurrences"] = "How many rows of the model share this value (or combination of values).",
        ["column_name"] = "The column concerned.",
        ["problem"] = "Whether the column is produced by the model but not described in its YAML, or the reverse.",
    };

    private static void DescribeCatalog(DuckDBConnection connection, string runId)
    {
        CatalogTables.Describe(connection, "catalog.builds",
            "The build this warehouse comes from: its run, the snapshot it read, when it ran, and how many models and data tests succeeded. `analytics catalog` prints it.",
            "one row: the build of this warehouse", [], BuildColumns, runId);
        CatalogTables.Describe(connection, CatalogTables.Models,
            "Every table and view of the warehouse with its description, grain and the tables it reads (its lineage), and for SQL models the file, build status, rows and build time. docs/warehouse.md is generated from it.",
            "one row per table or view", [], ModelColumns, runId);
        CatalogTables.Describe(connection, CatalogTables.Columns,
            "Every column of every table and view in catalog.models, with its DuckDB type and what it means.",
            "one row per (model_name, column_name)", [], ColumnColumns, runId);
        CatalogTables.Describe(connection, "catalog.tests",
            "Every data test of the build: the rule, its severity, whether it passed, how many rows failed and where the first of them are kept. The tests are declared in the models' YAML (docs/transforms.md).",
            "one row per data test", [], TestColumns, runId);
        CatalogTables.Describe(connection, "catalog.sources",
            "The lake files the build read, one per CRM entity, with the row counts and checksums of the snapshot's manifest: which landed data every figure comes from.",
            "one row per lake file read (one per entity)", [], SourceColumns, runId);
    }

    /// <summary>Describes each test_failures table from the model it checks (failing rows are mostly the model's own rows).</summary>
    private static void DescribeFailures(DuckDBConnection connection, string runId, TransformRunner.Build build)
    {
        var models = build.Project.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var outcome in build.Tests.Where(t => t.FailuresTable is not null))
        {
            var test = outcome.Test;
            var table = outcome.FailuresTable!;
            var dot = table.IndexOf('.', StringComparison.Ordinal);
            var columns = WarehouseSql.Query(connection,
                "select column_name from information_schema.columns where table_catalog = current_database() and table_schema = $schema and table_name = $name",
                r => r.GetString(0), ("schema", table[..dot]), ("name", table[(dot + 1)..]));
            var documented = models.TryGetValue(test.Model, out var model) ? model.Columns : [];
            var descriptions = columns.Distinct(StringComparer.Ordinal).ToDictionary(c => c, c =>
                FailureColumns.TryGetValue(c, out var own) ? own
                : documented.FirstOrDefault(d => d.Name == c)?.Description ?? "A column the test's query returned.", StringComparer.Ordinal);
            var rule = test.Description is null ? string.Empty : $" ({test.Description.TrimEnd('.')})";
            CatalogTables.Describe(connection, table,
                $"The failing rows of the data test {test.Name} on {test.Model}{rule}. It exists only while the test fails; catalog.tests has the exact count.",
                "one row per failing row kept (at most transform.failing_rows_kept)", [test.Model], descriptions, runId);
        }
    }

    /// <summary>Copies the descriptions of the SQL models, their "as of" views and the config tables into DuckDB's comments.</summary>
    private static void CommentModels(DuckDBConnection connection)
    {
        var layers = TransformProject.Layers.Append(TierConfigTables.Schema).ToHashSet(StringComparer.Ordinal);
        var columns = WarehouseSql.Query(connection, "select model_name, column_name, description from catalog.columns order by model_name, ordinal",
                r => (Model: r.GetString(0), Column: r.GetString(1), Description: r.IsDBNull(2) ? null : r.GetString(2)))
            .ToLookup(c => c.Model, StringComparer.Ordinal);
        var tables = WarehouseSql.Query(connection,
            """
            select m.model_name, m.schema_name, m.table_name, t.table_type = 'VIEW', m.description
            from catalog.models as m
            join information_schema.tables as t on t.table_catalog = current_database() and t.table_schema = m.schema_name and t.table_name = m.table_name
            """,
            r => (Model: r.GetString(0), Schema: r.GetString(1), Name: r.GetString(2), IsView: r.GetBoolean(3), Description: r.IsDBNull(4) ? null : r.GetString(4)));
        foreach (var table in tables.Where(t => layers.Contains(t.Schema) && t.Description is not null))
        {
            CatalogTables.Comment(connection, table.Schema, table.Name, table.IsView, table.Description!,
                columns[table.Model].Select(c => (c.Column, c.Description)));
        }
    }
}
