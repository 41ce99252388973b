using System.CommandLine;
using Analytics.Orchestration.Stages;
using Analytics.Pipelines.Transforms;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics transform [--as-of D]</c>: builds the warehouse from a lake snapshot.</summary>
internal static class TransformCommand
{
    public static Command Create(CommandContext context)
    {
        var asOf = CliOptions.Date(SuggestedCommands.AsOfOption, "Build from the latest snapshot landed on or before this date, reproducing the figures as they stood then. Default: the latest snapshot.");
        var command = new Command("transform",
            "Build the DuckDB warehouse (staging, intermediate, marts, catalog) from a lake snapshot with the SQL models in transform.models, "
            + "running their data tests. The new warehouse replaces paths.warehouse atomically, and only if every model built and no error-severity test failed; "
            + "otherwise the previous one stays, the failed build is kept under paths.runs, and the exit code is 1.")
        {
            asOf,
        };
        command.SetAction(parsed =>
        {
            var result = TransformStage.Build(TransformRequest.From(context.LoadConfig(parsed), parsed.GetValue(asOf)), context.Clock, context.Stages);
            return TransformReport.Print(context.Console, result);
        });
        return command;
    }
}
