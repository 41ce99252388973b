using System.CommandLine;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics backfill --from D1 --to D2 --every week|day</c>: lands a series of past snapshots.</summary>
internal static class BackfillCommand
{
    public static Command Create(CommandContext context)
    {
        var from = CliOptions.Date("--from", "First date of the range. Default: --to minus backfill.months of pipeline.yaml.");
        var to = CliOptions.Date("--to", "Last date of the range; it is always landed. Default: today.");
        var every = new Option<SnapshotCadence?>("--every")
        {
            Description = "Spacing of snapshots, counted back from --to. Default: backfill.every of pipeline.yaml.",
            HelpName = "week|day",
        };
        var missingOnly = new Option<bool>("--missing-only") { Description = "Skip dates the lake already holds instead of re-landing them." };
        var source = CliOptions.Source();
        var command = new Command("backfill", "Land a range of snapshots: the demo CRM travels back in time; the file source reads <folder>/<yyyy-MM-dd>/ per date.")
        {
            from,
            to,
            every,
            missingOnly,
            source,
        };
        command.SetAction(parsed =>
        {
            var config = context.LoadConfig(parsed);
            var last = parsed.GetValue(to) ?? context.Today;
            var first = parsed.GetValue(from) ?? last.AddMonths(-config.Backfill.Months);
            if (first > last)
            {
                context.Console.MarkupLineInterpolated($"[red]error:[/] --from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
                return ExitCodes.BadUsage;
            }

            var extractor = context.Extractor(config, parsed.GetValue(source));
            var dates = SnapshotSchedule.Dates(first, last, parsed.GetValue(every) ?? config.Backfill.Every);
            if (parsed.GetValue(missingOnly))
            {
                var landed = extractor.Layout.LandedDates().ToHashSet();
                dates = dates.Where(d => !landed.Contains(d)).ToList();
            }

            context.Console.MarkupLineInterpolated($"backfilling {dates.Count} snapshot(s) from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} into {extractor.Layout.Raw}");
            var manifests = context.LandAll(extractor, dates);
            context.Console.MarkupLineInterpolated($"[green]done:[/] {manifests.Count} snapshot(s), {manifests.Sum(m => m.Entities.Sum(e => e.Landed)):N0} rows landed.");
            return ExitCodes.Success;
        });
        return command;
    }
}
