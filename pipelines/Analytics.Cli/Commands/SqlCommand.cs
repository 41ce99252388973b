using System.CommandLine;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics sql "&lt;query&gt;"</c>: a read-only query against the warehouse, printed as a table.</summary>
internal static class SqlCommand
{
    public static Command Create(CommandContext context)
    {
        var query = new Argument<string>("query") { Description = "The SQL to run, e.g. \"select * from marts.win_rates where fiscal_quarter = '2026-Q3'\"." };
        var maxRows = new Option<int>("--max-rows")
        {
            Description = "Print at most this many rows (all rows are still counted).",
            DefaultValueFactory = _ => 100,
        };
        maxRows.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-rows must be at least 1.");
            }
        });
        var command = new Command("sql", "Run a read-only SQL query against the warehouse (paths.warehouse) and print the result as a table. "
            + "Schemas: staging, intermediate, marts, catalog, test_failures, lake.")
        {
            query,
            maxRows,
        };
        command.SetAction(parsed =>
        {
            using var connection = QueryTable.OpenWarehouse(context.LoadConfig(parsed));
            QueryTable.Print(context.Console, connection, parsed.GetValue(query)!, parsed.GetValue(maxRows));
            return ExitCodes.Success;
        });
        return command;
    }
}
