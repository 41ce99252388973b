namespace Analytics.Cli.Tests.Shell;

/// <summary>Each dot-command of the sql shell, driven through piped stdin as a script would.</summary>
public sealed class DotCommandTests : IDisposable
{
    private readonly ShellWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void Tables_lists_every_table_and_view_grouped_by_schema()
    {
        var (code, output) = _warehouse.Shell(".tables\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"(?m)^catalog\s+columns  models$", output);
        Assert.Matches(@"(?m)^marts\s+deals  deals_won  numbers$", output);
        Assert.Matches(@"(?m)^staging\s+deals$", output);
        Assert.DoesNotContain("duckdb_", output);
    }

    [Fact]
    public void Tables_shows_the_sessions_temp_tables_as_temp()
    {
        var (_, output) = _warehouse.Shell("create temp table scratch as select 1 as x;\n.tables\nselect x + 1 as y from temp.scratch;\n");

        Assert.Matches(@"(?m)^temp\s+scratch$", output);
        Assert.Matches(@"│ y │\n├───┤\n│ 2 │", output);
    }

    [Fact]
    public void Schema_shows_columns_types_and_the_catalogs_descriptions()
    {
        var (code, output) = _warehouse.Shell(".schema marts.deals\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("marts.deals (table, 11 column(s)): One row per deal, for the shell tests.", output);
        Assert.Matches(@"(?m)^  column\s+type\s+description$", output);
        Assert.Matches(@"(?m)^  deal_id\s+VARCHAR\s+The deal\.$", output);
        Assert.Matches(@"(?m)^  arr\s+DECIMAL\(18,2\)\s+Annual recurring revenue in USD\.$", output);
        Assert.Matches(@"(?m)^  tags\s+VARCHAR\[\]$", output);
    }

    [Fact]
    public void Schema_accepts_a_name_unique_across_schemas_and_ignores_case()
    {
        var (code, output) = _warehouse.Shell(".schema DEALS_WON\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("marts.deals_won (view, 2 column(s))", output);
    }

    [Theory]
    [InlineData(".schema nope", "error: no table or view named 'nope'; `.tables` lists them.")]
    [InlineData(".schema deals", "error: 'deals' is in several schemas: marts.deals, staging.deals; name one of them.")]
    [InlineData(".schema", "error: usage: .schema TABLE")]
    public void Schema_of_an_unknown_or_ambiguous_table_is_a_clear_error_and_the_shell_goes_on(string command, string expected)
    {
        var (code, output) = _warehouse.Shell(command + "\nselect 'still here' as s;\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains(expected, output);
        Assert.Contains("still here", output);
    }

    [Fact]
    public void Mode_csv_with_output_writes_every_row_to_the_file_and_says_where_but_not_into_the_file()
    {
        var file = _warehouse.Directory.Combine("numbers.csv");

        var (code, output) = _warehouse.Shell($".mode csv\n.maxrows 5\n.output {file}\nselect i from marts.numbers order by i;\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"results go to {file}", output);
        Assert.Contains($"250 row(s) written to {file} in ", output);
        var lines = File.ReadAllText(file).Split("\r\n");
        Assert.Equal("i", lines[0]);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines[1..251]);
        Assert.Equal(string.Empty, lines[251]);
        Assert.DoesNotContain("row(s)", File.ReadAllText(file));
    }

    [Fact]
    public void Output_truncates_an_existing_file_and_output_alone_returns_to_stdout()
    {
        var file = _warehouse.Directory.Combine("out.json");
        File.WriteAllText(file, new string('x', 10_000));

        var (_, output) = _warehouse.Shell($".mode json\n.output '{file}'\nselect 1 as one;\n.output\nselect 2 as two;\n");

        Assert.Equal("[\n{\"one\":1}\n]\n", File.ReadAllText(file));
        Assert.Contains("results go to stdout", output);
        Assert.Contains("[\n{\"two\":2}\n]\n", output);
        Assert.DoesNotContain("\"one\"", output);
    }

    [Fact]
    public void Output_to_a_folder_that_does_not_exist_is_a_clear_error_and_results_stay_on_stdout()
    {
        var file = _warehouse.Directory.Combine("missing", "out.csv");

        var (code, output) = _warehouse.Shell($".output {file}\nselect 7 as seven;\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains($"error: cannot write {file}: the folder {_warehouse.Directory.Combine("missing")} does not exist.", output);
        Assert.Matches(@"│\s+7 │", output);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Output_never_opens_the_warehouse_file_itself()
    {
        var before = _warehouse.Hash();

        var (code, output) = _warehouse.Shell($".output {_warehouse.Warehouse}\nselect 1;\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("that is the warehouse (or a file of it), which `analytics sql` never changes", output);
        Assert.Equal(before, _warehouse.Hash());
    }

    [Fact]
    public void Maxrows_limits_the_table_and_says_how_many_rows_there_were()
    {
        var (code, output) = _warehouse.Shell(".maxrows 3\nselect i from marts.numbers order by i;\n.maxrows\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"│\s+2 │", output);
        Assert.DoesNotMatch(@"│\s+3 │", output);
        Assert.Contains("250 row(s) in ", output);
        Assert.Contains(", first 3 shown (.maxrows)", output);
        Assert.Contains("maxrows: 3", output);
    }

    [Theory]
    [InlineData(".maxrows 0", ".maxrows takes a whole number of at least 1, not '0'.")]
    [InlineData(".maxrows lots", ".maxrows takes a whole number of at least 1, not 'lots'.")]
    [InlineData(".mode xml", ".mode takes table, csv or json, not 'xml'.")]
    public void Bad_arguments_are_clear_errors(string command, string expected)
    {
        var (code, output) = _warehouse.Shell(command + "\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("error: " + expected, output);
    }

    [Fact]
    public void Mode_alone_says_the_current_mode()
    {
        var (_, output) = _warehouse.Shell(".mode\n.mode JSON\n.mode\n");

        Assert.Contains("mode: table", output);
        Assert.Contains("mode: json", output);
    }

    [Fact]
    public void Help_explains_every_command()
    {
        var (code, output) = _warehouse.Shell(".help\n");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var command in new[] { ".tables", ".schema TABLE", ".mode table|csv|json", ".output [FILE]", ".maxrows N", ".help", ".quit, .exit" })
        {
            Assert.Contains(command, output);
        }

        Assert.Contains("(now: table)", output);
        Assert.Contains("(now: stdout)", output);
    }

    [Theory]
    [InlineData(".quit")]
    [InlineData(".exit")]
    [InlineData(".QUIT;")]
    public void Quit_ends_the_shell_and_nothing_after_it_runs(string quit)
    {
        var (code, output) = _warehouse.Shell($"select 'before' as b;\n{quit}\nselect 'after' as a;\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("before", output);
        Assert.DoesNotContain("after", output);
    }

    [Fact]
    public void An_unknown_dot_command_names_the_known_ones_and_fails_the_script()
    {
        var (code, output) = _warehouse.Shell(".tabels\nselect 1 as one;\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("error: unknown command '.tabels'; the commands are .tables, .schema, .mode, .output, .maxrows, .csvguard, .help, .quit, .exit", output);
        Assert.Contains("1 row(s)", output);
    }

    [Fact]
    public void A_line_starting_with_a_dot_inside_a_statement_is_sql_not_a_command()
    {
        var (code, output) = _warehouse.Shell("select 1 as one,\n.5 as half;\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"│\s+1 │\s+0\.5 │", output);
    }
}
