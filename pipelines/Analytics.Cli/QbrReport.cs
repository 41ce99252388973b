using Analytics.Pipelines.Configuration;
using Analytics.Reports.Data;
using Analytics.Reports.Pdf;
using Analytics.Reports.Qbr;
using Spectre.Console;
using Analytics.Reports.Configuration;

namespace Analytics.Cli;

/// <summary>Produces a quarter's QBR packs with a progress bar and prints where they are.</summary>
internal static class QbrReport
{
    /// <summary>Produces the packs of <paramref name="quarter"/> (default: the last closed quarter); returns the exit code.
    /// With <paramref name="unlessDone"/>, a quarter whose packs already exist (their manifest) is left as it is.</summary>
    public static int Run(CommandContext context, PipelineConfig config, string? quarter, IReadOnlySet<string>? partners = null, bool unlessDone = false)
    {
        Produce(context, config, quarter, partners, unlessDone);
        return ExitCodes.Success;
    }

    /// <summary>As <see cref="Run"/>; returns the quarter whose packs now exist, or null when no quarter has closed (with <paramref name="unlessDone"/>).</summary>
    public static string? Produce(CommandContext context, PipelineConfig config, string? quarter, IReadOnlySet<string>? partners = null, bool unlessDone = false)
    {
        var console = context.Console;
        PdfSetup.Initialize();
        using var warehouse = ReportWarehouse.Open(config.Paths.Warehouse);
        if (unlessDone && quarter is null && warehouse.Snapshot.LastClosedQuarter is null)
        {
            console.MarkupLine("[blue]reports[/]: no fiscal quarter has closed yet, so no QBR packs");
            return null;
        }

        var target = quarter ?? warehouse.Snapshot.LastClosedQuarter
            ?? throw new ReportException($"No fiscal quarter has closed before snapshot {warehouse.Snapshot.SnapshotDate:yyyy-MM-dd}: nothing to review yet.");
        if (string.CompareOrdinal(target, warehouse.Snapshot.CurrentQuarter) >= 0)
        {
            throw new ReportException($"{target} has not closed at snapshot {warehouse.Snapshot.SnapshotDate:yyyy-MM-dd}: a QBR reviews a closed quarter "
                + $"(the last is {warehouse.Snapshot.LastClosedQuarter ?? "none"}).");
        }

        if (unlessDone && QbrPacks.Exist(config.Paths.Reports, target))
        {
            console.MarkupLineInterpolated($"[blue]reports[/]: QBR packs for {target} already in {QbrPacks.Folder(config.Paths.Reports, target)}");
            return target;
        }

        console.MarkupLineInterpolated($"[blue]reports[/]: QBR packs for {target} from {warehouse.Snapshot.Provenance}");
        QbrOutcome outcome = null!;
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("rendering packs");
                outcome = QbrPacks.Produce(warehouse, config.Paths.Reports, target, config.Reports.StalledDealsListed,
                    new SynchronousProgress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }), partners);
            });
        var partnerPacks = outcome.Files.Count(f => f.Kind == "partner");
        console.MarkupLineInterpolated($"  program pack: {Path.Combine(outcome.Folder, outcome.Files[0].File)} ({outcome.Files[0].Pages} pages)");
        console.MarkupLineInterpolated($"  partner packs: {partnerPacks} in {Path.Combine(outcome.Folder, "partners")}");
        console.MarkupLineInterpolated($"  {outcome.Files.Count} PDFs, {outcome.Pages} pages in {outcome.ElapsedMs / 1000.0:0.0} s; manifest {Path.Combine(outcome.Folder, QbrPacks.ManifestFile)}");
        return target;
    }
}
