using System.CommandLine;
using Analytics.Pipelines.Lake;
using Spectre.Console;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics extract [--date D] [--source demo|files|salesforce]</c>: lands one snapshot of the CRM.</summary>
internal static class ExtractCommand
{
    public static Command Create(CommandContext context)
    {
        var date = CliOptions.Date(SuggestedCommands.DateOption, "The snapshot date: the CRM as it stood at the end of this day (UTC). Default: today.");
        var source = CliOptions.Source();
        var command = new Command("extract", "Land one snapshot of the CRM as Parquet under <lake>/raw/<entity>/snapshot_date=<date>/. Re-landing a date replaces it whole.")
        {
            date,
            source,
        };
        command.SetAction(parsed =>
        {
            var config = context.LoadConfig(parsed);
            var extractor = context.Extractor(config, parsed.GetValue(source));
            var day = parsed.GetValue(date) ?? context.Today;
            extractor.CleanUpAfterCrashedRuns();
            SnapshotManifest? manifest = null;
            context.Console.Status().Start($"extracting {day:yyyy-MM-dd}", status =>
            {
                manifest = extractor.Extract(day, new Progress<string>(message => status.Status($"{day:yyyy-MM-dd}: {message}")));
            });
            SnapshotReport.Print(context.Console, manifest!, extractor.Layout);
            return ExitCodes.Success;
        });
        return command;
    }
}
