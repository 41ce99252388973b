using System.CommandLine;
using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Scheduling;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics scheduler init</c>: creates (or upgrades) Hangfire's tables in the PostgreSQL store.</summary>
internal static class SchedulerCommand
{
    public static Command Create(CommandContext context)
    {
        var init = new Command("init", $"Create or upgrade Hangfire's tables (schema {SchedulerStores.PostgresSchema}) in the PostgreSQL database named by "
            + "scheduler.postgres.connection_string_variable, with Hangfire's own installer. Idempotent. `analytics serve` does the same on start-up; "
            + "run this once when serve's account may not create tables.");
        init.SetAction((parsed, ct) =>
        {
            var config = context.LoadConfig(parsed);
            if (config.Scheduler.Store != SchedulerStoreKind.Postgres)
            {
                context.Console.MarkupLine("[red]error:[/] scheduler.store is memory: the in-memory store needs no tables. Set scheduler.store: postgres to use PostgreSQL.");
                return Task.FromResult(ExitCodes.BadUsage);
            }

            try
            {
                SchedulerStores.Postgres(SchedulerStores.ConnectionString(config), TimeSpan.FromSeconds(15));
                context.Console.MarkupLineInterpolated($"[green]done:[/] Hangfire's schema {SchedulerStores.PostgresSchema} is ready; `analytics serve` can use it.");
                return Task.FromResult(ExitCodes.Success);
            }
            catch (SchedulerStoreException e)
            {
                context.Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return Task.FromResult(ExitCodes.RunFailed);
            }
        });
        return new Command("scheduler", "The Hangfire store of `analytics serve`.") { init };
    }
}
