using System.CommandLine;
using Analytics.Orchestration.Jobs;
using Spectre.Console;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics freshness</c>: fails loudly (exit 1) when the newest landed snapshot is older than runs.freshness_max_age_hours.</summary>
internal static class FreshnessCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("freshness", "Check that the newest snapshot in the lake is no older than runs.freshness_max_age_hours "
            + "(age counted from when its extract started, per its manifest, or from the end of its snapshot date when it was landed later). "
            + "Exit code 1 when it is older or the lake is empty: for monitoring.");
        command.SetAction(parsed =>
        {
            var config = context.LoadConfig(parsed);
            var freshness = Freshness.Measure(config.Paths.Lake, context.Clock.GetUtcNow(), config.Runs.FreshnessMaxAgeHours);
            if (freshness.IsFresh)
            {
                context.Console.MarkupLineInterpolated($"[green]fresh:[/] {freshness.Describe(config.Paths.Lake)}");
                return ExitCodes.Success;
            }

            context.Console.MarkupLineInterpolated($"[red bold]STALE: {freshness.Describe(config.Paths.Lake)}[/]");
            context.Console.MarkupLine("Land today's snapshot with [bold]analytics run[/] (or see why the nightly job did not: [bold]analytics status[/]).");
            return ExitCodes.RunFailed;
        });
        return command;
    }
}
