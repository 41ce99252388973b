using System.CommandLine;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Stages;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics backfill --from D1 --to D2 --every week|day</c>: lands a series of past snapshots.</summary>
internal static class BackfillCommand
{
    public static Command Create(CommandContext context)
    {
        var from = CliOptions.Date("--from", "First date of the range. Default: --to minus backfill.months of pipeline.yaml.");
        var to = CliOptions.Date("--to", "Last date of the range; it is always landed. Default: today.");
        var every = CliOptions.Choice<SnapshotCadence>("--every", "Spacing of snapshots, counted back from --to (default: backfill.every of pipeline.yaml)");
        var missingOnly = new Option<bool>("--missing-only") { Description = "Skip dates the lake already holds instead of re-landing them." };
        var noRebuild = new Option<bool>("--no-rebuild") { Description = "Only land the snapshots; do not rebuild and score the warehouse afterwards." };
        var source = CliOptions.Source();
        var command = new Command("backfill", "Land a range of snapshots, then rebuild the warehouse and scores once from the newest, as one recorded run "
            + "(see `analytics status`). The demo CRM travels back in time; the file source cannot, and lands only the dated folders <folder>/<yyyy-MM-dd>/ it holds; "
            + "Salesforce cannot either and holds no past snapshot (land its snapshots night by night with `analytics run`).")
        {
            noRebuild,
            from,
            to,
            every,
            missingOnly,
            source,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var config = parsed.GetValue(source) is null ? context.LoadConfigWithSource(parsed) : context.LoadConfig(parsed);
            var last = parsed.GetValue(to) ?? context.Today;
            var first = parsed.GetValue(from) ?? last.AddMonths(-config.Backfill.Months);
            if (first > last)
            {
                context.Console.MarkupLineInterpolated($"[red]error:[/] --from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
                return ExitCodes.BadUsage;
            }

            if (parsed.GetValue(source) is { } kind)
            {
                config = config with { Source = config.Source with { Kind = kind, Declared = true } };
            }

            // A source that cannot travel back in time (files, Salesforce) lands only the snapshots it really holds.
            var crm = context.Extractor(config, null).Source;
            var dates = SnapshotSchedule.Backfill(crm, first, last, parsed.GetValue(every) ?? config.Backfill.Every);
            var realDatesOnly = crm.HistoryDates(first, last) is not null;
            if (realDatesOnly)
            {
                context.Console.MarkupLineInterpolated(
                    $"the source {crm.Description} cannot travel back in time: only the snapshots it really holds from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} are landed ({dates.Count} found; for a file drop, its dated export folders YYYY-MM-DD).");
            }

            if (parsed.GetValue(missingOnly))
            {
                var landed = context.Extractor(config, null).Layout.LandedDates().ToHashSet();
                dates = dates.Where(d => !landed.Contains(d)).ToList();
            }

            if (dates.Count == 0 && realDatesOnly)
            {
                context.Console.MarkupLineInterpolated($"nothing to backfill: no dated export folder left to land from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, nor any other past snapshot (`analytics extract` lands the source as it is now as today's snapshot).");
                return ExitCodes.Success;
            }

            if (dates.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"nothing to backfill: the lake holds every date from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}.");
                return ExitCodes.Success;
            }

            using var stop = new StopSignal(line => context.Console.MarkupLineInterpolated($"[yellow]{line}[/]"));
            var plan = JobCatalog.BackfillPlan(dates, last, new PipelineStages(config, context.Clock, context.Stages), rebuild: !parsed.GetValue(noRebuild));
            return await RunCommand.RunPrinted(context, config, plan, waitForLock: false, stop.Token);
        });
        return command;
    }
}
