using System.Globalization;
using Analytics.Orchestration.Runs;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Spectre.Console;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli.Orchestration;

/// <summary>
/// Runs a plan as a recorded run: one run at a time (the run lock), steps retried per scheduler.step_retry, the record
/// in paths.runs and catalog.runs, an alert when it fails, and a closing table of what ran and where everything is.
/// </summary>
internal static class RunSession
{
    /// <summary>Executes <paramref name="plan"/>; returns the exit code (0 succeeded, 1 failed, cancelled or locked out).</summary>
    /// <param name="context">Console and clock.</param>
    /// <param name="config">The configuration.</param>
    /// <param name="plan">The run.</param>
    /// <param name="waitForLock">Wait for a run in progress (scheduled runs) rather than refuse (commands).</param>
    /// <param name="stop">Stops the run after its current step.</param>
    public static async Task<(int Code, RunRecord? Run)> ExecuteAsync(CommandContext context, PipelineConfig config, RunPlan plan, bool waitForLock, CancellationToken stop)
    {
        var console = context.Console;
        var holder = $"{plan.Job} run on {Environment.MachineName}, pid {Environment.ProcessId}, since {context.Clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC";
        RunLock? runLock;
        if (waitForLock)
        {
            runLock = await RunLock.AcquireAsync(config.Paths.Runs, holder, TimeSpan.FromSeconds(5), line => console.MarkupLineInterpolated($"[yellow]{line}[/]"), stop);
        }
        else
        {
            runLock = RunLock.TryAcquire(config.Paths.Runs, holder, out var heldBy);
            if (runLock is null)
            {
                console.MarkupLineInterpolated($"[red]error:[/] another run is in progress ({heldBy}); this one did nothing. See `analytics status`.");
                return (ExitCodes.RunFailed, null);
            }
        }

        using (runLock)
        {
            var history = new RunHistory(config.Paths.Runs);
            var executor = new RunExecutor(context.Clock, history, RetryPolicy.From(config.Scheduler.StepRetry));
            var described = false;
            executor.Changed += (run, message) =>
            {
                if (!described && run.Outcome == RunOutcome.Running)
                {
                    // The run id exists only once the executor starts; a run refused meanwhile still sees the pid.
                    runLock.Describe($"{plan.Job} run {run.RunId} on {Environment.MachineName}, pid {Environment.ProcessId}, since {context.Clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC");
                    described = true;
                }

                console.MarkupLineInterpolated($"[bold blue]»[/] {message}");
            };
            var run = await executor.ExecuteAsync(plan, stop);
            await RunFinisher.FinishAsync(config, run, line => console.MarkupLineInterpolated($"  [grey]{line}[/]"), CancellationToken.None);
            Print(console, config, run, history);
            return (run.Outcome == RunOutcome.Succeeded ? ExitCodes.Success : ExitCodes.RunFailed, run);
        }
    }

    private static void Print(IAnsiConsole console, PipelineConfig config, RunRecord run, RunHistory history)
    {
        var table = new Table().Title($"run {run.RunId}: {run.Job}, {run.Trigger}, {run.Date:yyyy-MM-dd}")
            .AddColumns("#", "step", "outcome", "attempts", "seconds", "what it did");
        foreach (var step in run.Steps)
        {
            table.AddRow(step.Ordinal.ToString(CultureInfo.InvariantCulture), Markup.Escape(step.Step), StatusCommand.Colour(step.Outcome),
                step.Attempts.ToString(CultureInfo.InvariantCulture),
                step.DurationMs is { } ms ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty,
                Markup.Escape(step.Error ?? step.Summary ?? string.Empty));
        }

        console.Write(table);
        console.MarkupLine("where everything is:");
        console.MarkupLineInterpolated($"  lake (Parquet snapshots): {config.Paths.Lake}");
        console.MarkupLineInterpolated($"  warehouse (DuckDB):       {config.Paths.Warehouse}");
        console.MarkupLineInterpolated($"  models:                   {config.Paths.Models}");
        console.MarkupLineInterpolated($"  QBR packs:                {Path.Combine(config.Paths.Reports, "qbr")}");
        console.MarkupLineInterpolated($"  emails (outbox, ledger):  {config.Paths.Outbox}");
        console.MarkupLineInterpolated($"  this run's record:        {Path.Combine(history.RunFolder(run.RunId), RunHistory.FileName)} (catalog.runs, catalog.run_steps)");
        var seconds = (run.DurationMs ?? 0) / 1000.0;
        var line = run.Outcome switch
        {
            RunOutcome.Succeeded => $"[green]run {run.RunId} succeeded[/] in {seconds:0.0} s.",
            RunOutcome.Cancelled => $"[yellow]run {run.RunId} stopped on request[/] after {seconds:0.0} s: {Markup.Escape(run.Error ?? string.Empty)}",
            _ => $"[red]run {run.RunId} failed[/] after {seconds:0.0} s: {Markup.Escape(run.Error ?? string.Empty)}",
        };
        console.MarkupLine(line.ToString(CultureInfo.InvariantCulture));
        console.MarkupLine("history: [bold]analytics status[/]");
    }
}
