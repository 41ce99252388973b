using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Notebooks;

/// <summary><c>analytics notebook run</c> over a hand-built warehouse, with outputs checked to the character.</summary>
public sealed class NotebookCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public NotebookCommandTests()
    {
        using (var connection = DuckDbFile.Open(Warehouse))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                create schema marts;
                create table marts.deals (name varchar, arr decimal(18, 2), closed date, won boolean);
                insert into marts.deals values ('A <b>&', 1200.50, date '2026-01-02', true), ('B', null, null, false);
                create schema catalog;
                create table catalog.builds (run_id varchar, snapshot_date date, finished_at timestamp, status varchar, duckdb_version varchar);
                insert into catalog.builds values ('run-1', date '2026-09-30', timestamp '2026-09-30 02:40:00', 'succeeded', 'v1.5.6');
                """;
            command.ExecuteNonQuery();
        }

        File.WriteAllText(Config, $"""
            paths:
              warehouse: {Warehouse}
            """);
    }

    private string Warehouse => _directory.Combine("warehouse.duckdb");

    private string Config => _directory.Combine("pipeline.yaml");

    private string NotebookPath => _directory.Combine("analysis.ipynb");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Results_are_written_back_as_an_html_table_and_a_plain_text_table()
    {
        TestNotebook.Write(NotebookPath, ("markdown", "# Deals"), ("code", "select name, arr, closed, won from marts.deals order by name"));

        var (code, output) = CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("1 of 1 notebook(s) ran", output);
        var result = Assert.Single(TestNotebook.Outputs(NotebookPath, 1))!;
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Equal(1, result["execution_count"]!.GetValue<int>());
        Assert.Equal(
            """
            ┌────────┬─────────┬────────────┬───────┐
            │ name   │ arr     │ closed     │ won   │
            ├────────┼─────────┼────────────┼───────┤
            │ A <b>& │ 1200.50 │ 2026-01-02 │ true  │
            │ B      │    null │ null       │ false │
            └────────┴─────────┴────────────┴───────┘
            2 rows
            """.ReplaceLineEndings("\n"),
            TestNotebook.Text(result, "text/plain"));
        Assert.Equal(
            "<table>\n<thead>\n<tr><th>name</th><th>arr</th><th>closed</th><th>won</th></tr>\n</thead>\n<tbody>\n"
            + "<tr><td>A &lt;b&gt;&amp;</td><td style=\"text-align: right\">1200.50</td><td>2026-01-02</td><td>true</td></tr>\n"
            + "<tr><td>B</td><td style=\"text-align: right\">null</td><td>null</td><td>false</td></tr>\n"
            + "</tbody>\n</table>\n<p>2 rows</p>",
            TestNotebook.Text(result, "text/html"));
        Assert.Null(TestNotebook.Cells(NotebookPath)[0]!["outputs"]);
    }

    [Fact]
    public void Every_result_of_a_cell_is_shown_and_a_variable_set_in_one_cell_is_seen_by_the_next()
    {
        TestNotebook.Write(NotebookPath,
            ("code", "set variable min_arr = 1000;\nselect 1 as one;\nselect 2 as two;"),
            ("markdown", "Then:"),
            ("code", "select count(*) as deals from marts.deals where arr >= getvariable('min_arr')"));

        var (code, _) = CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);

        Assert.Equal(ExitCodes.Success, code);
        var first = TestNotebook.Outputs(NotebookPath, 0);
        Assert.Equal(2, first.Count);
        Assert.Equal("display_data", first[0]!["output_type"]!.GetValue<string>());
        Assert.Contains("│ one │", TestNotebook.Text(first[0]!, "text/plain"));
        Assert.Equal("execute_result", first[1]!["output_type"]!.GetValue<string>());
        Assert.Contains("│   2 │", TestNotebook.Text(first[1]!, "text/plain"));
        Assert.Equal(1, TestNotebook.ExecutionCount(NotebookPath, 0));
        var last = Assert.Single(TestNotebook.Outputs(NotebookPath, 2))!;
        Assert.Contains("│     1 │", TestNotebook.Text(last, "text/plain"));
        Assert.Equal(2, TestNotebook.ExecutionCount(NotebookPath, 2));
    }

    [Fact]
    public void A_long_result_keeps_its_first_50_rows_and_counts_them_all()
    {
        TestNotebook.Write(NotebookPath, ("code", "select i from range(120) as t(i)"));

        var (code, _) = CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);

        Assert.Equal(ExitCodes.Success, code);
        var text = TestNotebook.Text(TestNotebook.Outputs(NotebookPath, 0)[0]!, "text/plain");
        Assert.Contains("│ 49 │", text);
        Assert.DoesNotContain("│ 50 │", text);
        Assert.EndsWith("120 rows; the first 50 are shown.", text);
    }

    [Fact]
    public void A_failing_cell_fails_the_command_with_its_cell_number_and_DuckDBs_message_and_leaves_the_notebook_unchanged()
    {
        TestNotebook.Write(NotebookPath,
            ("markdown", "# Broken"),
            ("code", "select 1 as fine"),
            ("markdown", "Next:"),
            ("code", "select no_such_column from marts.deals"));
        var before = File.ReadAllBytes(NotebookPath);

        var (code, output) = CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains($"{NotebookPath}: cell 4 (SQL cell 2) failed: Binder Error: Referenced column \"no_such_column\" not found", output);
        Assert.Contains("0 of 1 notebook(s) ran", output);
        Assert.Equal(before, File.ReadAllBytes(NotebookPath));
    }

    [Fact]
    public void A_cell_that_writes_is_refused_because_the_warehouse_is_opened_read_only()
    {
        TestNotebook.Write(NotebookPath, ("code", "create table marts.copy as select * from marts.deals"));

        var (code, output) = CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("cell 1 (SQL cell 1) failed:", output);
        Assert.Contains("read-only", output);
        using var connection = DuckDbFile.Open(Warehouse, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from duckdb_tables() where table_name = 'copy'";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Running_twice_writes_the_same_bytes_and_records_the_warehouse_build()
    {
        TestNotebook.Write(NotebookPath, ("markdown", "Ünïcode stays as written: ≥ 35 %"), ("code", "select name from marts.deals order by name"));

        CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);
        var first = File.ReadAllText(NotebookPath);
        CliRun.Invoke("notebook", "run", NotebookPath, "--config", Config);

        Assert.Equal(first, File.ReadAllText(NotebookPath));
        Assert.Contains("Ünïcode stays as written: ≥ 35 %", first);
        Assert.StartsWith("{\n \"cells\": [\n", first);
        var stamp = TestNotebook.Metadata(NotebookPath)["analytics"]!;
        Assert.Equal("run-1", stamp["warehouse_run_id"]!.GetValue<string>());
        Assert.Equal("2026-09-30", stamp["warehouse_snapshot_date"]!.GetValue<string>());
        Assert.Equal("duckdb-sql", TestNotebook.Metadata(NotebookPath)["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_bad_notebook_is_reported_by_name_and_the_others_still_run()
    {
        var bad = _directory.Combine("a-bad.ipynb");
        File.WriteAllText(bad, "{ \"cells\": [ ");
        var notJupyter = _directory.Combine("b-other.ipynb");
        File.WriteAllText(notJupyter, "{ \"cells\": [], \"nbformat\": 3 }");
        TestNotebook.Write(NotebookPath, ("code", "select 1 as one"));

        var (code, output) = CliRun.Invoke("notebook", "run", _directory.Path, "--config", Config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains($"{bad}: not valid JSON", output);
        Assert.Contains($"{notJupyter}: field nbformat must be 4", output);
        Assert.Contains($"ran {NotebookPath}", output);
        Assert.Contains("1 of 3 notebook(s) ran", output);
    }

    [Fact]
    public void A_missing_notebook_is_bad_usage_naming_the_path()
    {
        var (code, output) = CliRun.Invoke("notebook", "run", _directory.Combine("nope.ipynb"), "--config", Config);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains($"{_directory.Combine("nope.ipynb")}: no such notebook.", output);
    }
}
