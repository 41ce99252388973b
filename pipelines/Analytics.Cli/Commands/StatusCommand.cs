using System.CommandLine;
using System.Globalization;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Spectre.Console;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics status</c>: the last runs and their outcome, the steps of the latest, the lake's freshness and the next firings.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandContext context)
    {
        var last = new Option<int>("--last") { Description = "How many runs to list (1 or more).", DefaultValueFactory = _ => 10 };
        last.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var count and < 1)
            {
                result.AddError($"--last takes how many runs to list, 1 or more, not {count}.");
            }
        });
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
                var table = new Table().Title($"last runs ({Math.Min(runs.Count, parsed.GetValue(last))} of {runs.Count}, newest first)")
                    .AddColumns("run", "job", "trigger", "date", "started (UTC)", "seconds", "outcome", "failed step / error");
                foreach (var run in runs.Take(Math.Max(1, parsed.GetValue(last))))
                {
                    table.AddRow(Markup.Escape(run.RunId), run.Job, Markup.Escape(run.Trigger), run.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        run.DurationMs is { } ms ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty,
                        Colour(run.Outcome), Markup.Escape(run.Error ?? string.Empty));
                }

                console.Write(table);
                var latest = runs[0];
                var steps = new Table().Title($"steps of {latest.RunId}").AddColumns("#", "step", "outcome", "tries", "s", "what it did");
                foreach (var step in latest.Steps)
                {
                    steps.AddRow(step.Ordinal.ToString(CultureInfo.InvariantCulture), step.Step, Colour(step.Outcome), step.Attempts.ToString(CultureInfo.InvariantCulture),
                        step.DurationMs is { } ms ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty,
                        Markup.Escape(step.Error ?? step.Summary ?? string.Empty));
                }

                console.Write(steps);
            }

            var freshness = Freshness.Measure(config.Paths.Lake, context.Clock.GetUtcNow(), config.Runs.FreshnessMaxAgeHours);
            console.MarkupLine($"freshness: {(freshness.IsFresh ? "[green]" : "[red bold]")}{Markup.Escape(freshness.Describe(config.Paths.Lake))}[/]");

            var firings = PipelineScheduler.Preview(config.Schedules, context.Clock.GetUtcNow());
            var next = new Table().Title($"next firings (schedules: in {config.Schedules.TimeZone.Id}; they run while `analytics serve` runs; store: {config.Scheduler.Store.ToString().ToLowerInvariant()})")
                .AddColumns("job", "cron", "next (UTC)", $"next ({config.Schedules.TimeZone.Id})", "steps");
            foreach (var firing in firings)
            {
                next.AddRow(firing.Job, Markup.Escape(firing.Cron),
                    firing.Next?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never",
                    firing.Next is { } n ? TimeZoneInfo.ConvertTime(n, config.Schedules.TimeZone).ToString("yyyy-MM-dd HH:mm (ddd)", CultureInfo.InvariantCulture) : string.Empty,
                    string.Join(", ", JobCatalog.StepNames(firing.Job)));
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
