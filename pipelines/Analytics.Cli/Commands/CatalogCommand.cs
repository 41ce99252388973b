using System.CommandLine;
using DuckDB.NET.Data;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics catalog [model]</c>: the warehouse's models and test results, or one model's columns and tests.</summary>
internal static class CatalogCommand
{
    /// <summary>The catalog is read for its descriptions and test names: cells are cut only past this width.</summary>
    private const int WholeText = 200;

    public static Command Create(CommandContext context)
    {
        var model = new Argument<string?>("model")
        {
            Description = "A model, e.g. marts.win_rates: show its description, columns and tests. Default: list every model and the test results.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("catalog", "Show the warehouse's catalog: the build's snapshot and run, every model with its rows and build time, "
            + "and data-test results (failing rows are in schema test_failures).")
        {
            model,
        };
        command.SetAction(parsed =>
        {
            using var connection = QueryTable.OpenWarehouse(context.LoadConfig(parsed));
            var name = parsed.GetValue(model);
            return name is null ? Overview(context.Console, connection) : Model(context.Console, connection, name);
        });
        return command;
    }

    private static int Overview(IAnsiConsole console, DuckDBConnection connection)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                select run_id, snapshot_date, status, started_at, round(epoch(finished_at) - epoch(started_at), 1),
                       models_built, models_failed, models_skipped, tests_passed, tests_warned, tests_failed, tests_skipped, duckdb_version
                from catalog.builds
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                console.MarkupLineInterpolated($"run {reader.GetString(0)}: snapshot {Results.CellText.Of(Results.CellValue.Read(reader, 1))}, {reader.GetString(2)}, started {Results.CellText.Of(Results.CellValue.Read(reader, 3))} UTC, {Results.CellText.Of(Results.CellValue.Read(reader, 4))} s, DuckDB {reader.GetString(12)}");
                console.MarkupLineInterpolated($"models: {reader.GetInt32(5)} built, {reader.GetInt32(6)} failed, {reader.GetInt32(7)} skipped; data tests: {reader.GetInt32(8)} passed, {reader.GetInt32(9)} warned, {reader.GetInt32(10)} failed, {reader.GetInt32(11)} skipped");
            }
        }

        QueryTable.Print(console, connection, """
            select m.model_name as model, m.materialization as kind, m.status, m.row_count as rows, m.build_ms,
                   count(t.test_name) filter (where t.status = 'passed') as passed,
                   count(t.test_name) filter (where t.status in ('warned', 'failed')) as failing
            from catalog.models as m
            left join catalog.tests as t on t.model_name = m.model_name
            where m.layer not in ('lake', 'test_failures') -- described too, but views over files and failing rows are no build output
            group by m.layer, m.model_name, m.materialization, m.status, m.row_count, m.build_ms
            order by case m.layer when 'staging' then 1 when 'intermediate' then 2 else 3 end, m.model_name
            """, 10_000, "models", WholeText);
        QueryTable.Print(console, connection, """
            select test_name, model_name, severity, status, failing_rows, failures_table
            from catalog.tests where status <> 'passed' order by status, test_name
            """, 10_000, "tests that did not pass", WholeText);
        return ExitCodes.Success;
    }

    private static int Model(IAnsiConsole console, DuckDBConnection connection, string name)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select count(*) from catalog.models where model_name = $name";
            command.Parameters.Add(new DuckDBParameter("name", name));
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                console.MarkupLineInterpolated($"[red]error:[/] no model '{name}' in the catalog; `analytics catalog` lists them.");
                return ExitCodes.BadUsage;
            }
        }

        var literal = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"select description, grain, materialization, status, row_count, build_ms, sql_file, depends_on from catalog.models where model_name = {literal}";
            using var reader = command.ExecuteReader();
            reader.Read();
            console.MarkupLineInterpolated($"[bold]{name}[/]: {reader.GetString(0)}");
            console.MarkupLineInterpolated($"grain: {Results.CellText.Of(Results.CellValue.Read(reader, 1))}; {reader.GetString(2)}, {reader.GetString(3)}, {Results.CellText.Of(Results.CellValue.Read(reader, 4))} rows, built in {Results.CellText.Of(Results.CellValue.Read(reader, 5))} ms");
            console.MarkupLineInterpolated($"sql: {(reader.IsDBNull(6) ? "none (written by the pipeline, not a SQL model)" : reader.GetString(6))}; reads: {Results.CellText.Of(Results.CellValue.Read(reader, 7))}");
        }

        QueryTable.Print(console, connection, $"select column_name, data_type, description from catalog.columns where model_name = {literal} order by ordinal", 10_000, "columns", WholeText);
        QueryTable.Print(console, connection, $"select test_name, column_name, test_type, severity, status, failing_rows, failures_table from catalog.tests where model_name = {literal} order by test_name", 10_000, "tests", WholeText);
        return ExitCodes.Success;
    }
}
