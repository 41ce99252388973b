using System.CommandLine;
using System.Globalization;
using Analytics.Cli.WebConsole;
using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Orchestration.Stages;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics serve</c>: runs the schedules of pipeline.yaml with Hangfire, and the read-only web console, until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("serve", "Run the schedules of pipeline.yaml (schedules:) with Hangfire until stopped: the nightly job (extract, freshness, transform, score), "
            + "the weekly emails and the quarterly QBR packs, each as a recorded run (see `analytics status`); and the read-only web console (console:, default "
            + "http://127.0.0.1:5080: runs, freshness, packs and emails, the data dictionary, the Hangfire dashboard under /hangfire). A job never runs beside itself "
            + "on any server; a firing missed while no server ran runs once on start-up; a failed step is retried per scheduler.step_retry and a failed run emails "
            + "runs.alert_to. With scheduler.store: postgres the schedule survives restarts and several serve processes share it, each firing running on one of "
            + "them. Ctrl+C or SIGTERM finishes the running step, then exits.");
        command.SetAction(async (parsed, ct) =>
        {
            var config = context.LoadConfigWithSource(parsed);
            var console = context.Console;
            var access = ConsoleAccess.Resolve(config.Console); // refuses a non-loopback address without a credential, before anything starts
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
                    // The server must outlive a bad firing; the run (if it started) recorded itself.
                    console.MarkupLineInterpolated($"[red]{firing.Job} could not run:[/] {e.Message}");
                }
            }

            var storage = SchedulerStores.Create(config);
            using var scheduler = PipelineScheduler.Create(config.Schedules, storage, Launch, SchedulerServerOptions.Serve(config.Scheduler.InstanceId), lastRuns);
            await using var web = await ConsoleServer.StartAsync(new ConsoleSite(context.LoadConfigWithSource(parsed), storage, context.Clock), access, ct);
            scheduler.Start();
            var store = config.Scheduler.Store == SchedulerStoreKind.Postgres ? $"PostgreSQL (shared, server {scheduler.ServerName})" : "in memory";
            console.MarkupLineInterpolated($"[green]serving[/] the schedules of {config.File} ({config.Schedules.TimeZone.Id}); store {store}. Ctrl+C or SIGTERM stops.");
            console.MarkupLineInterpolated($"console: {web.Address} (dashboard {web.Address}/hangfire{(access.Token is null ? "" : "; basic auth required")})");
            foreach (var firing in scheduler.NextFirings())
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

            console.MarkupLine(StoppingLine(scheduler.Running));
            await scheduler.StopAsync(CancellationToken.None);
            console.MarkupLine("[green]stopped.[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What serve says when asked to stop: it waits for a job only when one runs.</summary>
    internal static string StoppingLine(int running) => running switch
    {
        0 => "stopping: no job is running",
        1 => "stopping: waiting for the running job to finish its current step",
        _ => $"stopping: waiting for the {running} running jobs to finish their current step",
    };
}
