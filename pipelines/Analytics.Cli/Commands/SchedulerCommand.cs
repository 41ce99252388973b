using System.CommandLine;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Spectre.Console;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics scheduler init</c>: creates the Quartz tables in the PostgreSQL job store.</summary>
internal static class SchedulerCommand
{
    public static Command Create(CommandContext context)
    {
        var print = new Option<bool>("--print") { Description = "Print the DDL instead of running it (to hand to a DBA)." };
        var init = new Command("init", "Create the Quartz 4.x tables (prefix qrtz_) in the PostgreSQL database named by scheduler.postgres.connection_string_variable. "
            + "Idempotent: existing tables are left as they are. Needed once before `analytics serve` with scheduler.store: postgres.")
        {
            print,
        };
        init.SetAction(async (parsed, ct) =>
        {
            if (parsed.GetValue(print))
            {
                context.Console.Profile.Out.Writer.Write(QuartzSchema.Ddl);
                return ExitCodes.Success;
            }

            var config = context.LoadConfig(parsed);
            if (config.Scheduler.Store != SchedulerStoreKind.Postgres)
            {
                context.Console.MarkupLine("[red]error:[/] scheduler.store is memory: the in-memory store needs no tables. Set scheduler.store: postgres to use PostgreSQL.");
                return ExitCodes.BadUsage;
            }

            try
            {
                var tables = await QuartzSchema.CreateAsync(SchedulerStores.ConnectionString(config), ct);
                context.Console.MarkupLineInterpolated($"[green]done:[/] the Quartz schema holds {tables} {QuartzSchema.TablePrefix} tables; `analytics serve` can use it.");
                return ExitCodes.Success;
            }
            catch (SchedulerStoreException e)
            {
                context.Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.RunFailed;
            }
        });
        return new Command("scheduler", "The Quartz job store.") { init };
    }
}
