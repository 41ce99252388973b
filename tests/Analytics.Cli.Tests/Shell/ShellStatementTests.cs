namespace Analytics.Cli.Tests.Shell;

/// <summary>How the sql shell gathers statements from piped lines, runs them and reports errors.</summary>
public sealed class ShellStatementTests : IDisposable
{
    private readonly ShellWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void A_statement_may_span_lines_and_runs_once_a_line_ends_with_a_semicolon()
    {
        var (code, output) = _warehouse.Shell("select deal_id,\n       arr\nfrom marts.deals\nwhere deal_id = 'D1'\n;\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"│ D1\s+│\s+12000\.50 │", output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, @"row\(s\) in"));
    }

    [Theory]
    [InlineData("select 'a;\nb' as s;\n", "a; b")]
    [InlineData("select 'x' as s -- a comment; not the end\n;\n", "x")]
    [InlineData("select /* one; two */ 'y' as s;\n", "y")]
    [InlineData("select /* one;\n two; */ 'z' as s;\n", "z")]
    [InlineData("select \"deal_id;\" as s from (select 'q' as \"deal_id;\");\n", "q")]
    [InlineData("select $$dollar; quoted$$ as s;\n", "dollar; quoted")]
    [InlineData("select E'it\\'s; fine' as s;\n", "it's; fine")]
    public void A_semicolon_inside_a_string_identifier_or_comment_does_not_end_the_statement(string input, string expected)
    {
        var (code, output) = _warehouse.Shell(input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("│ " + expected, output);
        Assert.Contains("1 row(s) in", output);
    }

    [Fact]
    public void Two_statements_on_one_line_both_run_in_order()
    {
        var (code, output) = _warehouse.Shell("select 'first' as a; select 'second' as b;\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(output.IndexOf("first", StringComparison.Ordinal) < output.IndexOf("second", StringComparison.Ordinal));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(output, @"1 row\(s\) in").Count);
    }

    [Fact]
    public void An_error_is_printed_with_duckdbs_message_and_the_next_statement_still_runs()
    {
        var (code, output) = _warehouse.Shell("select * from marts.nope; select 'next' as n;\nselect 'later' as l;\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("error: Catalog Error: Table with name nope does not exist!", output);
        Assert.Contains("next", output);
        Assert.Contains("later", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void A_script_without_errors_exits_0()
    {
        var (code, _) = _warehouse.Shell("-- a comment line\n\nselect count(*) from marts.deals;\n");

        Assert.Equal(ExitCodes.Success, code);
    }

    [Fact]
    public void Input_that_ends_without_a_semicolon_still_runs_its_last_statement()
    {
        var (code, output) = _warehouse.Shell("select 'tail' as t");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("│ tail │", output);
    }

    [Theory]
    [InlineData("insert into marts.deals (deal_id) values ('D9');")]
    [InlineData("update marts.deals set arr = 0;")]
    [InlineData("delete from marts.deals;")]
    [InlineData("create table marts.x as select 1 as a;")]
    [InlineData("create view marts.v as select 1 as a;")]
    [InlineData("drop table marts.deals;")]
    [InlineData("alter table marts.deals add column y integer;")]
    public void A_write_is_refused_with_the_read_only_message(string write)
    {
        var (_, output) = _warehouse.Shell(write + "\n");

        Assert.Contains("error: the warehouse is read-only here: `analytics sql` never changes it (rebuild it with `analytics transform`). DuckDB: ", output);
        Assert.Contains("attached in read-only mode", output);
    }

    [Fact]
    public void Writes_are_refused_the_shell_goes_on_exits_1_and_the_warehouse_stays_byte_identical()
    {
        var before = _warehouse.Hash();
        var copyTarget = _warehouse.Warehouse.Replace("'", "''", StringComparison.Ordinal);

        var (code, output) = _warehouse.Shell($"""
            insert into marts.deals (deal_id) values ('D9');
            create table marts.x as select 1 as a;
            drop table marts.deals;
            copy (select 1) to '{copyTarget}' (format csv);
            export database '{_warehouse.Directory.Combine("export")}';
            explain analyze copy (select 1) to '{copyTarget}';
            checkpoint;
            select count(*) as deals from marts.deals;

            """);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(output, "error: the warehouse is read-only here").Count);
        Assert.Contains("error: `analytics sql` writes no files of its own accord: COPY is refused here", output);
        Assert.Contains("error: `analytics sql` writes no files of its own accord: EXPORT is refused here", output);
        Assert.Matches(@"│\s+3 │", output);
        Assert.Equal(before, _warehouse.Hash());
        Assert.False(Directory.Exists(_warehouse.Directory.Combine("export")));
    }

    [Fact]
    public void Temp_tables_and_views_work_in_memory_and_leave_the_warehouse_alone()
    {
        var before = _warehouse.Hash();

        var (code, output) = _warehouse.Shell("""
            create temp table picks as select deal_id from marts.deals where won;
            insert into picks values ('D7');
            create temp view pick_count as select count(*) as n from picks;
            select n from pick_count;

            """);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("ok in ", output);
        Assert.Contains("1 row(s) changed in ", output);
        Assert.Matches(@"│ n │\n├───┤\n│ 2 │", output);
        Assert.Equal(before, _warehouse.Hash());
    }

    [Fact]
    public void The_one_shot_query_refuses_writes_with_the_same_message_and_exits_1()
    {
        var (code, output) = _warehouse.Query("drop table marts.deals");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("error: the warehouse is read-only here", output);
    }
}
