using System.CommandLine;
using System.Globalization;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Spectre.Console;
using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics status</c>: the last runs and their outcome, the steps of the latest, the lake's freshness and the next firings.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandContext context)
    {
        var last = CliOptions.Count("--last", "How many runs to list", 10);
        var command = new Command("status", "Show the last runs (scheduled or manual) with their outcome, timings and errors, the steps of the latest run, "
            + "how fresh the newest snapshot is, and when each schedule fires next. Reads paths.runs; exits 1 when the latest run failed or the lake is stale.")
        {
            last,
        };
        command.SetAction(parsed =>
        {
            var config = context.LoadConfig(parsed);
            var console = context.Console;
            var runs = new RunHistory(config.Paths.Runs).ReadAll(line => console.MarkupLineInterpolated($"[yellow]warning:[/] {line}"));
            if (runs.Count == 0)
            {
                console.MarkupLineInterpolated($"no runs recorded in {config.Paths.Runs} yet: `analytics run` runs the main job.");
            }
            else
            {
                // No borders, the run id never wrapped, errors below the table: it fits 100 columns and reads the same piped.
                var shown = runs.Take(parsed.GetValue(last)).ToList();
                var table = new Table().Border(TableBorder.None).Title($"last runs ({shown.Count} of {runs.Count}, newest first)")
                    .AddColumn(new TableColumn("run").NoWrap()).AddColumns("job", "trigger", "date", "started (UTC)", "seconds", "outcome");
                foreach (var run in shown)
                {
                    table.AddRow(Markup.Escape(run.RunId), run.Job, Markup.Escape(run.Trigger), run.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        run.DurationMs is { } ms ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty,
                        Colour(run.Outcome));
                }

                console.Write(table);
                foreach (var run in shown.Where(r => r.Error is not null))
                {
                    console.MarkupLineInterpolated($"  {run.RunId}: {OperatorMessage.Clean(run.Error!)}");
                }

                var latest = runs[0];
                var steps = new Table().Border(TableBorder.None).Title($"steps of {latest.RunId}").AddColumns("#", "step", "outcome", "tries", "s", "what it did");
                foreach (var step in latest.Steps)
                {
                    steps.AddRow(step.Ordinal.ToString(CultureInfo.InvariantCulture), step.Step, Colour(step.Outcome), step.Attempts.ToString(CultureInfo.InvariantCulture),
                        step.DurationMs is { } ms ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty,
                        Markup.Escape(step.Error is { } error ? OperatorMessage.Clean(error) : step.Summary ?? string.Empty));
                }

                console.Write(steps);
            }

            var freshness = Freshness.Measure(config.Paths.Lake, context.Clock.GetUtcNow(), config.Runs.FreshnessMaxAgeHours);
            console.MarkupLine($"freshness: {(freshness.IsFresh ? "[green]" : "[red bold]")}{Markup.Escape(freshness.Describe(config.Paths.Lake))}[/]");

            var firings = PipelineScheduler.Preview(config.Schedules, context.Clock.GetUtcNow());
            // One "next (UTC)" column, and one in the schedules' time zone only when that is another zone.
            var zone = config.Schedules.TimeZone;
            var local = zone.BaseUtcOffset != TimeSpan.Zero || zone.SupportsDaylightSavingTime;
            var next = new Table().Border(TableBorder.None)
                .Title($"next firings (schedules in {zone.Id}; they run while `analytics serve` runs; store: {config.Scheduler.Store.ToString().ToLowerInvariant()})")
                .AddColumns("job", "cron", "next (UTC)");
            if (local)
            {
                next.AddColumn($"next ({zone.Id})");
            }

            next.AddColumn("steps");
            foreach (var firing in firings)
            {
                var cells = new List<string>
                {
                    firing.Job,
                    Markup.Escape(firing.Cron),
                    firing.Next?.UtcDateTime.ToString(local ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm (ddd)", CultureInfo.InvariantCulture) ?? "never",
                };
                if (local)
                {
                    cells.Add(firing.Next is { } n ? TimeZoneInfo.ConvertTime(n, zone).ToString("yyyy-MM-dd HH:mm (ddd)", CultureInfo.InvariantCulture) : string.Empty);
                }

                cells.Add(string.Join(", ", JobCatalog.StepNames(firing.Job)));
                next.AddRow(cells.ToArray());
            }

            console.Write(next);
            return runs.Count > 0 && runs[0].Outcome is RunOutcome.Failed or RunOutcome.Interrupted || (runs.Count > 0 && !freshness.IsFresh)
                ? ExitCodes.RunFailed
                : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>An outcome in colour.</summary>
    public static string Colour(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Succeeded => "[green]succeeded[/]",
        RunOutcome.Failed => "[red]failed[/]",
        RunOutcome.Running => "[blue]running[/]",
        _ => $"[yellow]{RunHistoryTable.Name(outcome)}[/]",
    };

    /// <summary>A step outcome in colour.</summary>
    public static string Colour(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => "[green]succeeded[/]",
        StepOutcome.Failed => "[red]failed[/]",
        StepOutcome.Running => "[blue]running[/]",
        _ => $"[grey]{RunHistoryTable.Name(outcome)}[/]",
    };
}
