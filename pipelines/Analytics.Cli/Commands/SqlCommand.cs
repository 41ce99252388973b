using System.CommandLine;
using Analytics.Cli.Results;
using Analytics.Cli.Shell;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics sql ["&lt;query&gt;"]</c>: a read-only query against the warehouse, or without one the interactive sql
/// shell (<see cref="SqlShell"/>). See docs/sql-shell.md.
/// </summary>
internal static class SqlCommand
{
    public static Command Create(CommandContext context)
    {
        var query = new Argument<string?>("query")
        {
            Description = "The SQL to run, e.g. \"select * from marts.win_rates where fiscal_quarter = '2026-Q3'\" (several statements run in order). "
                + "Without it: the interactive shell.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var maxRows = CliOptions.Count("--max-rows", "Table mode prints at most this many rows of a result (all rows are still counted)", 100);
        var mode = new Option<string>("--mode")
        {
            Description = "How results are written: table (readable, at most --max-rows rows), csv (RFC 4180 with a header) or json (an array, one object per line); csv and json write every row, streamed.",
            HelpName = "table|csv|json",
            DefaultValueFactory = _ => "table",
        };
        mode.AcceptOnlyFromAmong("table", "csv", "json");
        var csvRaw = new Option<bool>("--csv-raw")
        {
            Description = "CSV mode: write text cells that start with =, +, -, @, a tab or a carriage return as they are. "
                + "Without it they get a leading ' so a spreadsheet shows them instead of running them as formulas (numbers are never changed).",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write results to this file (created or truncated) instead of stdout.",
            HelpName = "file",
        };
        var command = new Command("sql", """
            Query the warehouse (paths.warehouse), read-only: DuckDB refuses every change, and COPY/EXPORT are refused too.
            With a query: runs it and prints the results, then a line per statement (rows, seconds); exit 1 if a statement failed.
            Without: an interactive shell on stdin. Statements may span lines and end with ';' at the end of a line.
            On a terminal it prompts and edits lines (arrows, Home/End, Up/Down history kept in ~/.analytics_sql_history or
            $ANALYTICS_SQL_HISTORY; Ctrl+C clears the line or stops a running query; Ctrl+D leaves). Piped stdin runs as a
            script (printf '.tables\nselect 1;\n' | analytics sql), exit 1 if anything failed.
            Dot-commands (at the start of a statement): .tables, .schema TABLE, .mode table|csv|json, .output [FILE],
            .maxrows N, .csvguard on|off, .help, .quit/.exit.
            CSV text cells starting with = + - @ tab or CR get a leading ' against spreadsheet formulas (--csv-raw or .csvguard off: as they are).
            Schemas: staging, intermediate, marts, scores, catalog, config, lake, test_failures.
            """)
        {
            query,
            maxRows,
            mode,
            csvRaw,
            output,
        };
        command.SetAction(parsed =>
        {
            var text = parsed.GetValue(query);
            if (text is not null && !SqlText.HasCode(text))
            {
                context.Console.Profile.Out.Writer.WriteLine("error: the query is empty; give a statement, or no argument for the shell.");
                return ExitCodes.BadUsage;
            }

            var config = context.LoadConfig(parsed);
            using var connection = QueryTable.OpenWarehouse(config);
            var stdout = context.Console.Profile.Out.Writer;
            using var session = new SqlSession(connection, config.Paths.Warehouse, stdout, context.Host.Error, text is null ? ".maxrows" : "--max-rows")
            {
                Mode = Enum.Parse<ResultMode>(parsed.GetValue(mode)!, ignoreCase: true),
                MaxRows = parsed.GetValue(maxRows),
                GuardCsvFormulas = !parsed.GetValue(csvRaw),
            };
            if (parsed.GetValue(output) is { } file)
            {
                session.SetOutput(file, announce: text is null);
            }

            if (text is not null)
            {
                session.RunAll(text);
                return session.Failures == 0 ? ExitCodes.Success : ExitCodes.RunFailed;
            }

            var terminal = context.Host.Terminal;
            var commands = new DotCommands(session, connection, () => terminal?.Width ?? 100); // .tables fits the terminal as it is now
            return new SqlShell(session, commands, context.Host, context.Host.Screen ?? stdout).Run();
        });
        return command;
    }
}
