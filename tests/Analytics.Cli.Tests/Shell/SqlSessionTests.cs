using Analytics.Pipelines.Warehouse;
using Analytics.Cli.Shell;
using DuckDB.NET.Data;

namespace Analytics.Cli.Tests.Shell;

/// <summary>The session under the one-shot query and the shell: interrupting a running query, and the help.</summary>
public sealed class SqlSessionTests : IDisposable
{
    private readonly ShellWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public async Task Interrupt_stops_a_running_query_which_then_fails_with_a_clear_message()
    {
        using var connection = DuckDbFile.Open(_warehouse.Warehouse, readOnly: true);
        var output = new StringWriter();
        using var session = new SqlSession(connection, _warehouse.Warehouse, output, output, ".maxrows");

        var running = Task.Run(() => session.Run("select count(*) from range(1000000000000) t(i) where i % 7 = 3"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!running.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(running, Task.Delay(100));
            session.Interrupt(); // again and again: the first call may come before the query started
        }

        Assert.True(running.IsCompleted, "the query was not interrupted within 30 s");
        Assert.Contains("error: interrupted (Ctrl+C)", output.ToString());
        Assert.Equal(1, session.Failures);

        session.Run("select 1 as after");
        Assert.Contains("1 row(s) in ", output.ToString());
    }

    [Fact]
    public void Sql_help_explains_the_one_shot_query_the_shell_and_the_dot_commands()
    {
        var (code, output) = CliRun.Invoke("sql", "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("With a query:", output);
        Assert.Contains("Without: an interactive shell", output);
        Assert.Contains(".tables, .schema TABLE, .mode table|csv|json, .output [FILE]", output);
        Assert.Contains("--mode <table|csv|json>", output);
        Assert.Contains("--output <file>", output);
    }

    [Fact]
    public void Lines_ending_in_crlf_read_like_lines_ending_in_lf()
    {
        var (code, output) = _warehouse.Shell(".mode json\r\nselect 1 as one,\r\n  2 as two;\r\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("{\"one\":1,\"two\":2}", output);
    }
}
