using System.Globalization;
using Analytics.Sources.Salesforce;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints <c>analytics source check</c>: a row per entity and object, what is missing and what is closest, the API budget, the verdict.</summary>
internal static class SourceCheckPrinter
{
    public static void Print(IAnsiConsole console, SourceCheckReport report)
    {
        // Plain fixed-width lines, not a boxed table: they fit 80 columns, so a log or a redirected run shows them unwrapped.
        Line(console, $"source check: {report.Description}");
        Line(console, string.Create(CultureInfo.InvariantCulture, $"{"entity",-21}{"object",-26}{"fields",-9}{"records",10}  full read"));
        foreach (var entity in report.Entities)
        {
            foreach (var check in entity.Objects)
            {
                var total = check.FieldsFound.Count + check.FieldsMissing.Count;
                var fields = string.Create(CultureInfo.InvariantCulture, $"{check.FieldsFound.Count}/{total}");
                var records = check.RecordCount is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) : "-";
                var read = !check.Exists || check.RecordCount is null ? "-" : check.UsesBulk ? "Bulk 2.0" : "REST";
                Line(console, string.Create(CultureInfo.InvariantCulture, $"{entity.Entity,-21}{check.SObject,-26}{fields,-9}{records,10}  {read}").TrimEnd());
            }
        }

        var problems = report.Entities.SelectMany(e => e.Objects.Select(o => (e.Entity, Object: o))).Where(p => !p.Object.CanWork).ToList();
        foreach (var (entity, check) in problems)
        {
            if (!check.Exists || check.Problem is not null)
            {
                Line(console, $"{entity} / {check.SObject}: {check.Problem}");
            }

            if (!check.Exists)
            {
                continue;
            }

            foreach (var missing in check.FieldsMissing)
            {
                var closest = missing.Closest.Count == 0 ? "no similar field" : "closest: " + string.Join(", ", missing.Closest);
                Line(console, $"{entity} / {check.SObject}: {missing.Path} is missing ({missing.Reason}); {closest}");
            }
        }

        if (report.Usage is { } usage)
        {
            Line(console, string.Create(CultureInfo.InvariantCulture,
                $"API budget: {usage.Used:N0} of {usage.Allowed:N0} calls used in the last 24 h ({100.0 * usage.Used / Math.Max(1, usage.Allowed):F1} %); this check used {usage.UsedByThisRun:N0}."));
        }
        else
        {
            Line(console, "API budget: unknown (the org sent no Sforce-Limit-Info header).");
        }

        if (report.CanWork)
        {
            console.MarkupLine("[green]The mapping can work against this org.[/] Nothing was landed.");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]The mapping cannot work against this org:[/] {problems.Count} object(s) above need a field, an object or a filter fixed (in the org, or in source.salesforce.mapping). Nothing was landed.");
        }
    }

    /// <summary>Raw text: field paths and names stay whole, with no markup parsing of their brackets.</summary>
    private static void Line(IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }
}
