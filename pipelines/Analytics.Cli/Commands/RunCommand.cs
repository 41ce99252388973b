using System.CommandLine;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Extraction;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics run</c>: the nightly job: extract (first backfilling history when the lake is empty), transform, then
/// score (retraining a model that is missing or older than models.retrain_after_days). Reports join it as they land.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var date = CliOptions.Date("--date", "Run as of this date. Default: today.");
        var command = new Command("run", "The nightly job: extract today's snapshot (backfilling backfill.months of history first if the lake is empty), then build the warehouse from it (as `analytics transform`), then score it (as `analytics score`, retraining any model missing or older than models.retrain_after_days), then produce the QBR packs of the last closed quarter if they do not exist yet (as `analytics report qbr`) and, from delivery.weekly_day on, the week's scorecard emails not yet sent (as `analytics email weekly`).")
        {
            date,
        };
        command.SetAction(parsed =>
        {
            var config = context.LoadConfig(parsed);
            var extractor = context.Extractor(config, null);
            var day = parsed.GetValue(date) ?? context.Today;
            var landed = extractor.Layout.LandedDates();
            var dates = landed.Count == 0
                ? SnapshotSchedule.Dates(day.AddMonths(-config.Backfill.Months), day, config.Backfill.Every)
                : [day];
            if (landed.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"The lake is empty: landing {config.Backfill.Months} months of {config.Backfill.Every.ToString().ToLowerInvariant()}ly history ({dates.Count} snapshots) first.");
            }

            var manifests = context.LandAll(extractor, dates);
            context.PrintManifest(manifests[^1], extractor.Layout);
            var code = TransformReport.Run(context, config, day);
            if (code == ExitCodes.Success)
            {
                code = ModelReport.Run(context, config, ModelStageMode.Auto);
            }

            if (code == ExitCodes.Success)
            {
                code = DeliveryStep.Run(context, config, day);
            }

            if (code == ExitCodes.Success)
            {
                context.Console.MarkupLine("[green]run complete.[/]");
            }

            return code;
        });
        return command;
    }
}
