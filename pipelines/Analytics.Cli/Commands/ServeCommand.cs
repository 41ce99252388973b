using System.CommandLine;
using System.Globalization;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Orchestration.Stages;
using Spectre.Console;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics serve</c>: runs the schedules of pipeline.yaml with Quartz until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("serve", "Run the schedules of pipeline.yaml (schedules:) until stopped: the nightly job (extract, freshness, transform, score), "
            + "the weekly emails and the quarterly QBR packs, each as a recorded run (see `analytics status`). A job never runs beside itself; a firing "
            + "missed while no scheduler ran runs once on start-up; a failed step is retried per scheduler.step_retry and a failed run emails runs.alert_to. "
            + "With scheduler.store: postgres (after `analytics scheduler init`) the schedule survives restarts and several serve processes share it, each "
            + "firing running on one of them. Ctrl+C or SIGTERM finishes the running step, then exits.");
        command.SetAction(async (parsed, ct) =>
        {
            var config = context.LoadConfigWithSource(parsed);
            var console = context.Console;
            var settings = SchedulerStores.Settings(config);
            using var stop = new StopSignal(line => console.MarkupLineInterpolated($"[yellow]{line}[/]"));
            var history = new RunHistory(config.Paths.Runs);
            // `analytics run` (job main) does what every scheduled job does, so it counts as their last run too.
            var runs = history.ReadAll();
            var lastRuns = JobCatalog.Scheduled
                .Select(job => (job, runs.Where(r => r.Job == job || r.Job == JobCatalog.Main).Select(r => (DateTimeOffset?)r.StartedAt).Max()))
                .Where(x => x.Item2 is not null).ToDictionary(x => x.job, x => x.Item2!.Value);

            async Task Launch(ScheduledFiring firing, CancellationToken jobToken)
            {
                console.MarkupLineInterpolated($"[bold]{firing.FiredAt:yyyy-MM-dd HH:mm:ss} UTC[/]: {firing.Job} fires (due {firing.ScheduledAt:yyyy-MM-dd HH:mm} UTC) on {firing.Node}");
                try
                {
                    var fresh = context.LoadConfigWithSource(parsed); // a changed pipeline.yaml applies from the next firing
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, jobToken);
                    var plan = JobCatalog.Plan(firing.Job, $"scheduled ({firing.Trigger}, due {firing.ScheduledAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)",
                        firing.Date, new PipelineStages(fresh, context.Clock, context.Stages));
                    await RunCommand.RunPrinted(context, fresh, plan, waitForLock: true, linked.Token);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The scheduler must outlive a bad firing; the run (if it started) recorded itself.
                    console.MarkupLineInterpolated($"[red]{firing.Job} could not run:[/] {e.Message}");
                }
            }

            await using var scheduler = await PipelineScheduler.CreateAsync(config.Schedules, q => QuartzStore.Configure(q, settings), Launch,
                context.Clock, lastRuns, ct);
            await scheduler.StartAsync(ct);
            var store = settings.PostgresConnectionString is null ? "in memory" : $"PostgreSQL (clustered, node {scheduler.Quartz.SchedulerInstanceId})";
            console.MarkupLineInterpolated($"[green]serving[/] the schedules of {config.File} ({config.Schedules.TimeZone.Id}); store {store}. Ctrl+C or SIGTERM stops.");
            foreach (var firing in await scheduler.NextFiringsAsync(ct))
            {
                console.MarkupLineInterpolated($"  {firing.Job,-9} {firing.Cron,-20} next {firing.Next?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"} UTC");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // stop requested
            }

            console.MarkupLine("stopping: waiting for a running job to finish its current step");
            await scheduler.StopAsync(waitForRunning: true, CancellationToken.None);
            console.MarkupLine("[green]stopped.[/]");
            return ExitCodes.Success;
        });
        return command;
    }
}
