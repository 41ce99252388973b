using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// Writes the catalog into the warehouse (schema <c>catalog</c>): <c>builds</c> (the build: run id, snapshot date, timings, counts),
/// <c>models</c> (description, grain, dependencies, status, rows, build time; the config tables with the tier
/// thresholds the build used), <c>columns</c> (every column of every
/// model with its type and description), <c>tests</c> (every data test with its status and failing-row count) and
/// <c>sources</c> (the lake files the build read, with their checksums) and <c>metrics</c> (the business figures the
/// models' YAML defines). Then it describes, through <see cref="CatalogTables.Describe(DuckDBConnection, string, IReadOnlyList{string}, string?)"/>
/// and their <c>tables/</c> YAML (<see cref="TableDescriptions"/>), what no model's YAML describes: these catalog tables
/// themselves, the lake views and any failing-rows table; and copies every description into DuckDB's comments.
/// </summary>
internal static partial class WarehouseCatalog
{
    public const string Schema = "catalog";

    /// <summary>What catalog.builds records about the run.</summary>
    public sealed record RunRecord(string RunId, DateOnly SnapshotDate, DateOnly? RequestedAsOf, DateTime StartedAt, DateTime FinishedAt,
        string LakeRoot, string TransformsFolder, int FiscalYearStartMonth, bool Succeeded);

    public static void Write(DuckDBConnection connection, RunRecord run, TransformRunner.Build build)
    {
        TransformRunner.Execute(connection, CatalogTables.Ddl + Ddl);
        WriteRun(connection, run, build);
        WriteModels(connection, run.RunId, build);
        WriteColumns(connection, build);
        WriteTests(connection, run.RunId, build);
        WriteSources(connection, run, build);
        WriteMetrics(connection, build);

        // Described only now: Describe counts each table's rows and records catalog.models and catalog.columns too.
        // One transaction for these few hundred small statements (a commit after each made them half as slow again).
        using var transaction = connection.BeginTransaction();
        DescribeCatalog(connection, run.RunId);
        var staging = build.Project.Models.Where(m => m.Layer == "staging")
            .ToDictionary(m => m.Table, m => m.Columns.ToDictionary(c => c.Name, c => c.Description, StringComparer.Ordinal), StringComparer.Ordinal);
        LakeViews.Describe(connection, run.RunId,
            (entity, column) => staging.TryGetValue(entity, out var columns) && columns.TryGetValue(column, out var meaning) ? meaning : null);
        DescribeFailures(connection, run.RunId, build);
        CommentModels(connection);
        transaction.Commit();
    }

    private const string Ddl = """
        create table catalog.builds (
            run_id varchar, snapshot_date date, requested_as_of date, started_at timestamp, finished_at timestamp,
            status varchar, lake_root varchar, transforms_folder varchar, fiscal_year_start_month integer,
            models_built integer, models_failed integer, models_skipped integer,
            tests_passed integer, tests_warned integer, tests_failed integer, tests_skipped integer, duckdb_version varchar);
        create table catalog.tests (
            test_name varchar, model_name varchar, column_name varchar, test_type varchar, severity varchar, status varchar,
            failing_rows bigint, failures_table varchar, duration_ms bigint, description varchar, error varchar, sql varchar, run_id varchar);
        create table catalog.sources (
            entity varchar, snapshot_date date, file varchar, rows_landed bigint, rows_quarantined bigint, sha256 varchar);
        create table catalog.metrics (
            metric_name varchar, model_name varchar, label varchar, definition varchar, see varchar[]);
        """;

    private static void WriteRun(DuckDBConnection connection, RunRecord run, TransformRunner.Build build)
    {
        Insert(connection, "catalog.builds",
            run.RunId, run.SnapshotDate, run.RequestedAsOf, run.StartedAt, run.FinishedAt, run.Succeeded ? "succeeded" : "failed",
            run.LakeRoot, run.TransformsFolder, run.FiscalYearStartMonth,
            build.Models.Count(m => m.Status == ModelStatus.Built), build.Models.Count(m => m.Status == ModelStatus.Failed),
            build.Models.Count(m => m.Status == ModelStatus.Skipped),
            build.Tests.Count(t => t.Status == TestStatus.Passed), build.Tests.Count(t => t.Status == TestStatus.Warned),
            build.Tests.Count(t => t.Status == TestStatus.Failed), build.Tests.Count(t => t.Status == TestStatus.Skipped),
            connection.ServerVersion);
    }

    private static void WriteModels(DuckDBConnection connection, string runId, TransformRunner.Build build)
    {
        foreach (var outcome in build.Models)
        {
            var model = outcome.Model;
            Insert(connection, "catalog.models",
                model.Name, model.Layer, model.Table, model.Layer, model.Materialization.ToString().ToLowerInvariant(), model.Description, model.Grain,
                Path.GetRelativePath(build.Project.Folder, model.SqlFile), model.References.ToArray(), outcome.Status.ToString().ToLowerInvariant(),
                outcome.Rows, outcome.Milliseconds, outcome.Error, runId);
        }

        foreach (var table in build.ConfigTables)
        {
            Insert(connection, "catalog.models",
                table.Name, ConfigSchemaTables.Schema, table.Name[(ConfigSchemaTables.Schema.Length + 1)..], ConfigSchemaTables.Schema, "table", table.Description,
                table.Grain, null, Array.Empty<string>(), "built", table.Rows, 0L, null, runId);
        }

        var asOf = TableDescriptions.Template("as_of");
        foreach (var (view, model) in build.AsOfViews)
        {
            Insert(connection, "catalog.models",
                view, model.Layer, view[(model.Layer.Length + 1)..], model.Layer, "view",
                asOf.Description.Replace("{model}", model.Name, StringComparison.Ordinal),
                asOf.Grain.Replace("{grain}", model.Grain, StringComparison.Ordinal), Path.GetRelativePath(build.Project.Folder, model.SqlFile), model.References.Select(r => r + LakeViews.SnapshotsSuffix).ToArray(),
                "built", null, 0L, null, runId);
        }
    }

    private static void WriteColumns(DuckDBConnection connection, TransformRunner.Build build)
    {
        var documented = build.Models.ToDictionary(m => m.Model.Name, m => m.Model.Columns, StringComparer.Ordinal);
        foreach (var (view, model) in build.AsOfViews)
        {
            documented[view] = model.Columns;
        }

        foreach (var table in build.ConfigTables)
        {
            documented[table.Name] = table.Columns;
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            select table_schema || '.' || table_name, table_schema, table_name, column_name, ordinal_position, data_type
            from information_schema.columns
            where table_catalog = current_database() and table_schema in ('staging', 'intermediate', 'marts', 'config')
            order by table_schema, table_name, ordinal_position
            """;
        var rows = new List<object?[]>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values);
            }
        }

        Append(connection, "columns", rows.Select(row =>
        {
            var description = documented.TryGetValue((string)row[0]!, out var columns) ? columns.FirstOrDefault(c => c.Name == (string)row[3]!)?.Description : null;
            return new[] { row[0], row[1], row[2], row[3], Convert.ToInt32(row[4], System.Globalization.CultureInfo.InvariantCulture), row[5], description };
        }));
    }

    private static void WriteTests(DuckDBConnection connection, string runId, TransformRunner.Build build)
    {
        Append(connection, "tests", build.Tests.Select(outcome => new object?[]
        {
            outcome.Test.Name, outcome.Test.Model, outcome.Test.Column, DataTestSql.KindName(outcome.Test.Kind), outcome.Test.Severity.ToString().ToLowerInvariant(),
            outcome.Status.ToString().ToLowerInvariant(), outcome.FailingRows, outcome.FailuresTable, outcome.Milliseconds, outcome.Test.Description,
            outcome.Error, outcome.Test.FailingRowsSql, runId,
        }));
    }

    private static void WriteSources(DuckDBConnection connection, RunRecord run, TransformRunner.Build build)
    {
        foreach (var source in build.Sources)
        {
            Insert(connection, "catalog.sources", source.Entity, run.SnapshotDate, Path.Combine(run.LakeRoot, source.File), source.Landed, source.Quarantined, source.Sha256);
        }
    }

    /// <summary>
    /// The metrics of the SQL models' YAML, then those of the tables the code writes, each in YAML order. A metric's name
    /// is unique in the warehouse: reports ask for it by name.
    /// </summary>
    private static void WriteMetrics(DuckDBConnection connection, TransformRunner.Build build)
    {
        var metrics = build.Project.Models.SelectMany(m => m.Metrics).Concat(TableDescriptions.All.Values.SelectMany(t => t.Metrics)).ToList();
        if (metrics.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TransformRunException($"metric '{twice.Key}' is defined twice ({string.Join(" and ", twice.Select(m => m.Model))}); metric names are unique.");
        }

        foreach (var m in metrics)
        {
            Insert(connection, "catalog.metrics", m.Name, m.Model, m.Label, m.Definition, m.See.ToArray());
        }
    }

    /// <summary>Many rows at once through DuckDB's appender (hundreds of INSERTs cost more than the models they describe).</summary>
    private static void Append(DuckDBConnection connection, string table, IEnumerable<object?[]> rows)
    {
        using var appender = connection.CreateAppender(Schema, table);
        foreach (var row in rows)
        {
            var appended = appender.CreateRow();
            foreach (var value in row)
            {
                appended.AppendObject(value);
            }

            appended.EndRow();
        }
    }

    private static void Insert(DuckDBConnection connection, string table, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"insert into {table} values ({string.Join(", ", values.Select((_, i) => "$" + (i + 1)))})";
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter { Value = value ?? DBNull.Value });
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Describes the catalog's own tables from their YAML (tables/catalog/).</summary>
    private static void DescribeCatalog(DuckDBConnection connection, string runId)
    {
        foreach (var table in new[] { "catalog.builds", CatalogTables.Models, CatalogTables.Columns, "catalog.tests", "catalog.sources", "catalog.metrics" })
        {
            CatalogTables.Describe(connection, table, [], runId);
        }
    }

    /// <summary>Describes each test_failures table from the model it checks (failing rows are mostly the model's own rows).</summary>
    private static void DescribeFailures(DuckDBConnection connection, string runId, TransformRunner.Build build)
    {
        var models = build.Project.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var template = TableDescriptions.Template("failing_rows");
        foreach (var outcome in build.Tests.Where(t => t.FailuresTable is not null))
        {
            var test = outcome.Test;
            var table = outcome.FailuresTable!;
            var dot = table.IndexOf('.', StringComparison.Ordinal);
            var columns = WarehouseSql.Query(connection,
                "select column_name from information_schema.columns where table_catalog = current_database() and table_schema = $schema and table_name = $name",
                r => r.GetString(0), ("schema", table[..dot]), ("name", table[(dot + 1)..]));
            var documented = models.TryGetValue(test.Model, out var model) ? model.Columns : [];
            var descriptions = columns.Distinct(StringComparer.Ordinal).Select(c => new ColumnDefinition(c,
                template.Columns.FirstOrDefault(d => d.Name == c)?.Description
                ?? documented.FirstOrDefault(d => d.Name == c)?.Description
                ?? "A column the test's query returned.")).ToList();
            var rule = test.Description is null ? string.Empty : $" ({test.Description.TrimEnd('.')})";
            var description = template.Description.Replace("{test}", test.Name, StringComparison.Ordinal)
                .Replace("{model}", test.Model, StringComparison.Ordinal).Replace("{rule}", rule, StringComparison.Ordinal);
            CatalogTables.Describe(connection, new TableDescription(table, description, template.Grain, descriptions, []), [test.Model], runId);
        }
    }

    /// <summary>Copies the descriptions of the SQL models, their "as of" views and the config tables into DuckDB's comments.</summary>
    private static void CommentModels(DuckDBConnection connection)
    {
        var layers = TransformProject.Layers.Append(ConfigSchemaTables.Schema).ToHashSet(StringComparer.Ordinal);
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
