using Analytics.Pipelines.Configuration;
using Analytics.Reports.Data;
using Analytics.Reports.Pdf;
using Analytics.Reports.Qbr;
using Analytics.Reports.Configuration;

namespace Analytics.Orchestration.Stages;

/// <summary>The QBR stage: a closed quarter's packs as PDF, from the warehouse opened read-only.</summary>
public static class QbrStage
{
    /// <summary>
    /// Produces the packs of <paramref name="quarter"/> (default: the last closed quarter), only
    /// <paramref name="partners"/>' when given; returns the quarter whose packs now exist. With
    /// <paramref name="unlessDone"/>, a quarter whose packs already exist (their manifest) is left as it is, and no
    /// closed quarter yet returns null instead of failing.
    /// </summary>
    /// <exception cref="ReportException">No warehouse, or no closed quarter.</exception>
    /// <exception cref="ReportRequestException"><paramref name="quarter"/> has not closed or is not in the warehouse; a partner id is not active.</exception>
    public static string? Produce(PipelineConfig config, string? quarter, IReadOnlySet<string>? partners, bool unlessDone, IStageConsole console)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(console);
        PdfSetup.Initialize();
        using var warehouse = ReportWarehouse.Open(config.Paths.Warehouse);
        if (unlessDone && quarter is null && warehouse.Snapshot.LastClosedQuarter is null)
        {
            console.Headline("reports", ": no fiscal quarter has closed yet, so no QBR packs");
            return null;
        }

        var snapshot = warehouse.Snapshot;
        var target = quarter ?? snapshot.LastClosedQuarter
            ?? throw new ReportException($"No fiscal quarter has closed before snapshot {snapshot.SnapshotDate:yyyy-MM-dd}: nothing to review yet.");
        var closed = snapshot.Quarters.Where(q => string.CompareOrdinal(q, snapshot.CurrentQuarter) < 0).ToList();
        var range = closed.Count == 0 ? "none has closed yet" : $"the closed quarters it holds run from {closed[0]} to {closed[^1]}";
        if (string.CompareOrdinal(target, snapshot.CurrentQuarter) >= 0)
        {
            throw new ReportRequestException($"{target} has not closed at snapshot {snapshot.SnapshotDate:yyyy-MM-dd}: a QBR reviews a closed quarter "
                + $"(the last is {snapshot.LastClosedQuarter ?? "none"}; {range}).");
        }

        if (!closed.Contains(target))
        {
            throw new ReportRequestException($"The warehouse (snapshot {snapshot.SnapshotDate:yyyy-MM-dd}) holds no data for {target}: {range}.");
        }

        if (unlessDone && QbrPacks.Exist(config.Paths.Reports, target))
        {
            console.Headline("reports", $": QBR packs for {target} already in {QbrPacks.Folder(config.Paths.Reports, target)}");
            return target;
        }

        console.Headline("reports", $": QBR packs for {target} from {warehouse.Snapshot.Provenance}");
        var outcome = console.WithProgress(StageProgressKind.Rendering, "rendering packs", progress =>
            QbrPacks.Produce(warehouse, config.Paths.Reports, target, config.Reports.StalledDealsListed,
                new SynchronousProgress<(int Done, int Total)>(p => progress.Report(new StageProgress(p.Done, p.Total))), partners));
        console.QbrProduced(outcome);
        return target;
    }
}
