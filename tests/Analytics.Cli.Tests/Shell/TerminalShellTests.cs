using Analytics.Cli.Shell;

namespace Analytics.Cli.Tests.Shell;

/// <summary>The sql shell on a (scripted) terminal: prompts, the line editor, history across sessions.</summary>
public sealed class TerminalShellTests : IDisposable
{
    private readonly ShellWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private string HistoryFile => _warehouse.Directory.Combine("sql_history");

    private (int Code, string Output, ScriptedTerminal Terminal) Session(params object[] script)
    {
        var terminal = new ScriptedTerminal(Keys.Script(script));
        var (code, output) = CliRun.Run(output => new ShellHost(() => TextReader.Null, terminal, output, null, HistoryFile), "sql", "--config", _warehouse.Config);
        return (code, output, terminal);
    }

    [Fact]
    public void The_shell_prompts_continues_a_statement_and_runs_it()
    {
        var (code, output, terminal) = Session("select 41 + 1", Keys.Enter, "as answer;", Keys.Enter, Keys.CtrlD);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"analytics sql: {_warehouse.Warehouse} (read-only)", output);
        Assert.Contains("analytics> select 41 + 1", output);
        Assert.Contains("      ...> as answer;", output);
        Assert.Matches(@"│ answer │\n├────────┤\n│     42 │", output);
        Assert.Equal(1, terminal.InterruptRegistrations); // Ctrl+C interrupts while the statement runs
    }

    [Fact]
    public void Ctrl_c_throws_away_the_unfinished_statement()
    {
        var (_, output, _) = Session("select 'lost'", Keys.Enter, Keys.CtrlC, "select 'kept' as k;", Keys.Enter);

        Assert.Contains("│ kept │", output);
        Assert.DoesNotContain("│ lost", output);
    }

    [Fact]
    public void Errors_on_a_terminal_do_not_change_the_exit_code()
    {
        var (code, output, _) = Session("select * from nope;", Keys.Enter, ".quit", Keys.Enter);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("error: Catalog Error", output);
    }

    [Fact]
    public void History_persists_across_sessions_and_up_arrow_recalls_the_last_statement()
    {
        Session(".maxrows 5", Keys.Enter, "select 'from the first session' as s;", Keys.Enter, ".quit", Keys.Enter);

        Assert.Equal([".maxrows 5", "select 'from the first session' as s;"], File.ReadAllLines(HistoryFile));

        var (_, output, _) = Session(Keys.Up, Keys.Enter, ".exit", Keys.Enter);

        Assert.Contains("analytics> select 'from the first session' as s;", output); // recalled onto the prompt
        Assert.Contains("│ from the first session │", output);
        Assert.Equal([".maxrows 5", "select 'from the first session' as s;"], File.ReadAllLines(HistoryFile));
    }

    [Fact]
    public void A_statement_typed_over_several_lines_is_recalled_whole_when_one_line_says_the_same()
    {
        Session("select 1 as a,", Keys.Enter, "  2 as b;", Keys.Enter, "select 3 -- note", Keys.Enter, "as c;", Keys.Enter, "select 'x", Keys.Enter, "y' as d;", Keys.Enter, "select 'lost", Keys.Enter, Keys.CtrlC);

        Assert.Equal(["select 1 as a, 2 as b;", "select 3 -- note", "as c;", "select 'x", "y' as d;", "select 'lost"], File.ReadAllLines(HistoryFile));

        var (_, output, _) = Session(Keys.Up, Keys.Up, Keys.Up, Keys.Up, Keys.Up, Keys.Up, Keys.Enter);

        Assert.Matches(@"│ a │ b │\n├───┼───┤\n│ 1 │ 2 │", output);
    }

    [Fact]
    public void The_history_file_comes_from_analytics_sql_history_when_set()
    {
        var previous = Environment.GetEnvironmentVariable(ShellHost.HistoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(ShellHost.HistoryVariable, HistoryFile);
            Assert.Equal(HistoryFile, ShellHost.DefaultHistoryFile());
            Environment.SetEnvironmentVariable(ShellHost.HistoryVariable, null);
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".analytics_sql_history"), ShellHost.DefaultHistoryFile());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ShellHost.HistoryVariable, previous);
        }
    }
}
