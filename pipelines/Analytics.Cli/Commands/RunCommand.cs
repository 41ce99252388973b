using System.CommandLine;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Stages;
using Analytics.Pipelines.Configuration;
using Spectre.Console;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics run</c>: the whole main job as one recorded run: backfill when the lake is empty, extract, freshness,
/// transform, score, QBR packs, weekly emails.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var date = CliOptions.Date(SuggestedCommands.DateOption, "Run as of this date. Default: today.");
        var command = new Command("run", "The main job, as one recorded run (see `analytics status`): if the lake is empty, land backfill.months of history; "
            + "extract today's snapshot; check it is fresh; build the warehouse (as `analytics transform`); score it, retraining any model missing or "
            + "older than models.retrain_after_days (as `analytics score`); produce the QBR packs of the last closed quarter unless they exist (as "
            + "`analytics report qbr`); and, from delivery.weekly_day on, the week's scorecard emails not yet sent (as `analytics email weekly`). "
            + "A failed step is retried per scheduler.step_retry; the steps after a failure do not run, and runs.alert_to is emailed. "
            + "Ctrl+C or SIGTERM finishes the running step, then stops. Exit code 0 only when every step succeeded.")
        {
            date,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var config = context.LoadConfigWithSource(parsed);
            var day = parsed.GetValue(date) ?? context.Today;
            using var stop = new StopSignal(line => context.Console.MarkupLineInterpolated($"[yellow]{line}[/]"));
            var plan = JobCatalog.Plan(JobCatalog.Main, "manual", day, new PipelineStages(config, context.Clock, context.Stages));
            return await RunPrinted(context, config, plan, waitForLock: false, stop.Token);
        });
        return command;
    }

    /// <summary>Executes <paramref name="plan"/> as a recorded run and prints its closing table; returns the exit code (0 succeeded; 1 failed, cancelled or locked out).</summary>
    public static async Task<int> RunPrinted(CommandContext context, PipelineConfig config, RunPlan plan, bool waitForLock, CancellationToken stop)
    {
        var run = await RunSession.ExecuteAsync(config, plan, context.Clock, context.Stages, waitForLock, stop);
        if (run is null)
        {
            return ExitCodes.RunFailed;
        }

        RunReport.Print(context.Console, config, run);
        return run.Outcome == RunOutcome.Succeeded ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
