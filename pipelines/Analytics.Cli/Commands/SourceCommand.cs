using System.CommandLine;
using Analytics.Cli.Printing;
using Analytics.Orchestration.Sources;
using Analytics.Pipelines.Configuration;
using Analytics.Sources.HubSpot;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.Postgres.Checking;
using Analytics.Sources.Postgres.Configuration;
using Analytics.Sources.Salesforce;
using Analytics.Sources.Salesforce.Configuration;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics source check [--source K]</c>: checks the configured CRM source's mapping against the CRM, landing nothing.</summary>
internal static class SourceCommand
{
    public static Command Create(CommandContext context) => new("source", "Work with the configured CRM source (source: in pipeline.yaml).")
    {
        Check(context),
    };

    private static Command Check(CommandContext context)
    {
        var source = CliOptions.Source();
        var command = new Command("check", "Check that the CRM source can be read as mapped, landing nothing. For salesforce: authenticate, describe "
            + "every mapped object (and the objects reached through relationship paths and lookups), and print per entity the fields found, "
            + "the fields missing with the org's closest names, the record counts and whether a full read would use Bulk 2.0 or REST, then "
            + "the org's API budget (calls used of the daily allowance). For postgres: connect, begin the read-only snapshot the extract "
            + "uses, and print per entity its table or query, each canonical column with its PostgreSQL type, and the row count; "
            + "a missing column or a type that cannot feed its canonical column is named. "
            + "For hubspot: per mapped object type the token's scopes, the properties "
            + "found and missing (with the closest names) and the record count, then the pipelines' mapping onto our motions and stages and its gaps, "
            + "and the owners. The demo CRM and a file drop need no check. "
            + "Exit code 0 when the mapping can work, 1 when it cannot (a missing object or field, a refused filter, a failed login), "
            + "2 on a bad configuration.")
        {
            source,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var config = context.LoadConfig(parsed);
            var kind = CrmSources.RequireSettings(config, parsed.GetValue(source) ?? config.Source.Kind);
            if (kind == SourceKind.Postgres)
            {
                PostgresSourceCheckReport? checkedReplica = null;
                context.Console.Status().Start("checking the PostgreSQL mapping", _ => checkedReplica = new PostgresSourceCheck(config.Source.Postgres).Run());
                PostgresSourceCheckPrinter.Print(context.Console, checkedReplica!);
                return checkedReplica!.CanWork ? ExitCodes.Success : ExitCodes.RunFailed;
            }

            if (kind == SourceKind.HubSpot)
            {
                HubSpotSourceCheckReport? checkedPortal = null;
                await context.Console.Status().StartAsync("checking the HubSpot mapping", async _ =>
                {
                    checkedPortal = await new HubSpotSourceCheck(config.Source.HubSpot, context.Clock).RunAsync(ct);
                });
                HubSpotSourceCheckPrinter.Print(context.Console, checkedPortal!);
                return checkedPortal!.CanWork ? ExitCodes.Success : ExitCodes.RunFailed;
            }

            if (kind != SourceKind.Salesforce)
            {
                context.Console.MarkupLineInterpolated($"source.kind is {kind.ToString().ToLowerInvariant()}: there is no remote mapping to check (only salesforce, hubspot and postgres have one).");
                return ExitCodes.Success;
            }

            SourceCheckReport? report = null;
            await context.Console.Status().StartAsync("checking the Salesforce mapping", async _ =>
            {
                report = await new SourceCheck(config.Source.Salesforce, context.Clock).RunAsync(ct);
            });
            SourceCheckPrinter.Print(context.Console, report!);
            return report!.CanWork ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return command;
    }
}
