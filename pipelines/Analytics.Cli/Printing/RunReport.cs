using System.Globalization;
using Analytics.Cli.Commands;
using Analytics.Orchestration.Runs;
using Analytics.Pipelines.Configuration;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints the closing table of a run: what each step did, and where everything is.</summary>
internal static class RunReport
{
    /// <summary>The steps of <paramref name="run"/>, the places of its outputs and its outcome.</summary>
    public static void Print(IAnsiConsole console, PipelineConfig config, RunRecord run)
    {
        var history = new RunHistory(config.Paths.Runs);
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
