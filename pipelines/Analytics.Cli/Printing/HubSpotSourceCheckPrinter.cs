using System.Globalization;
using Analytics.Sources.HubSpot;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints <c>analytics source check</c> for HubSpot: a row per object type, what is missing and what is closest, the pipelines' gaps, the verdict.</summary>
internal static class HubSpotSourceCheckPrinter
{
    public static void Print(IAnsiConsole console, HubSpotSourceCheckReport report)
    {
        Line(console, $"source check: {report.Description}");
        Line(console, string.Create(CultureInfo.InvariantCulture, $"{"object",-22}{"properties",-12}{"records",10}  entities"));
        foreach (var check in report.Objects)
        {
            var properties = check.Problem is not null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{check.PropertiesFound.Count}/{check.PropertiesFound.Count + check.PropertiesMissing.Count}");
            var records = check.RecordCount is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) : "-";
            Line(console, string.Create(CultureInfo.InvariantCulture, $"{check.Object,-22}{properties,-12}{records,10}  {string.Join(", ", check.Entities)}"));
        }

        Line(console, string.Create(CultureInfo.InvariantCulture, $"pipelines: {report.Stages} of {report.StageCount} stages mapped onto a motion's stage"));
        Line(console, report.Owners is { } owners
            ? string.Create(CultureInfo.InvariantCulture, $"owners: {owners:N0}")
            : "owners: cannot be read: the token lacks crm.objects.owners.read");
        var problems = 0;
        foreach (var check in report.Objects.Where(o => !o.CanWork))
        {
            problems++;
            if (check.Problem is not null)
            {
                Line(console, $"{check.Object}: {check.Problem}");
            }

            foreach (var missing in check.PropertiesMissing)
            {
                var closest = missing.Closest.Count == 0 ? "no similar property" : "closest: " + string.Join(", ", missing.Closest);
                Line(console, $"{check.Object}: property {missing.Name} is missing; {closest}");
            }
        }

        foreach (var gap in report.PipelineGaps)
        {
            problems++;
            Line(console, gap);
        }

        Line(console, string.Create(CultureInfo.InvariantCulture, $"API calls: this check made {report.Requests:N0}."));
        if (report.CanWork)
        {
            console.MarkupLine("[green]The mapping can work against this portal.[/] Nothing was landed.");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]The mapping cannot work against this portal:[/] {problems + (report.Owners is null ? 1 : 0)} problem(s) above need a scope, a property or a pipeline mapping fixed (in HubSpot, or in source.hubspot). Nothing was landed.");
        }
    }

    /// <summary>Raw text: property names stay whole, with no markup parsing of their brackets.</summary>
    private static void Line(IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }
}
