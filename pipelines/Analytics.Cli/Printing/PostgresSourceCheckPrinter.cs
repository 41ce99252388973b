using System.Globalization;
using Analytics.Sources.Postgres.Checking;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints <c>analytics source check</c> for PostgreSQL: a row per entity, its columns and types, what is wrong, the verdict.</summary>
internal static class PostgresSourceCheckPrinter
{
    public static void Print(IAnsiConsole console, PostgresSourceCheckReport report)
    {
        // Plain lines, as the Salesforce check prints: a log or a redirected run shows them unwrapped.
        Line(console, $"source check: {report.Description}, PostgreSQL {report.ServerVersion}, one REPEATABLE READ READ ONLY snapshot");
        Line(console, string.Create(CultureInfo.InvariantCulture, $"{"entity",-21}{"table or query",-26}{"columns",-9}{"records",10}"));
        foreach (var entity in report.Entities)
        {
            var records = entity.RecordCount is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) : "-";
            Line(console, string.Create(CultureInfo.InvariantCulture, $"{entity.Entity,-21}{entity.Origin,-26}{entity.Columns.Count,-9}{records,10}").TrimEnd());
        }

        foreach (var entity in report.Entities)
        {
            Line(console, $"{entity.Entity}: {string.Join(", ", entity.Columns)}");
            if (entity.Ignored.Count > 0)
            {
                Line(console, $"{entity.Entity}: ignored (not canonical): {string.Join(", ", entity.Ignored)}");
            }

            foreach (var problem in entity.Problems)
            {
                Line(console, problem);
            }
        }

        var failing = report.Entities.Count(e => !e.CanWork);
        if (failing == 0)
        {
            console.MarkupLine("[green]The mapping can work against this replica.[/] Nothing was landed.");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]The mapping cannot work against this replica:[/] {failing} entit{(failing == 1 ? "y" : "ies")} above need a table, a column or a type fixed (in source.postgres.entities). Nothing was landed.");
        }
    }

    /// <summary>Raw text: SQL and type names stay whole, with no markup parsing of their brackets.</summary>
    private static void Line(IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }
}
