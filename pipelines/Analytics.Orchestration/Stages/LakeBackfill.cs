using System.Text.Json;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;

namespace Analytics.Orchestration.Stages;

/// <summary>
/// The first run's history: lands backfill.months of snapshots when the lake is empty. The dates are written to
/// <c>lake/backfill.json</c> first and marked complete last, so a backfill killed half-way is finished by the next run
/// (which lands only the dates still missing) instead of being mistaken for a lake that already has its history.
/// </summary>
public static class LakeBackfill
{
    /// <summary>The marker's file name in the lake's root.</summary>
    public const string MarkerFile = "backfill.json";

    /// <summary>
    /// Lands the history before <paramref name="date"/> unless the lake holds it; returns the manifests landed, or null
    /// when there was nothing to do (with the sentence saying why in <paramref name="nothingToDo"/>).
    /// </summary>
    public static IReadOnlyList<SnapshotManifest>? IfEmpty(ExtractRunner extractor, PipelineConfig config, DateOnly date, IStageConsole console, out string? nothingToDo)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(console);
        var landed = extractor.Layout.LandedDates();
        var markerPath = Path.Combine(extractor.Layout.Root, MarkerFile);
        var marker = File.Exists(markerPath) ? JsonSerializer.Deserialize<Marker>(File.ReadAllText(markerPath)) : null;
        if (marker is { Complete: true } || (marker is null && landed.Count > 0))
        {
            nothingToDo = $"the lake already holds {landed.Count} snapshot(s) ({landed.Min():yyyy-MM-dd} to {landed.Max():yyyy-MM-dd}); nothing to backfill";
            return null;
        }

        if (marker is null)
        {
            // Counted back from the run's date, which the extract step then lands. A source that cannot travel back in
            // time (files, Salesforce) offers only the dates it really holds: the same export is never landed under
            // invented dates.
            var from = date.AddMonths(-config.Backfill.Months);
            var canTimeTravel = extractor.Source.HistoryDates(from, date) is null;
            var planned = SnapshotSchedule.Backfill(extractor.Source, from, date, config.Backfill.Every).Where(d => d != date).ToList();
            marker = new Marker(planned, false);
            Directory.CreateDirectory(extractor.Layout.Root);
            File.WriteAllText(markerPath, JsonSerializer.Serialize(marker));
            if (canTimeTravel)
            {
                console.Line($"The lake is empty: landing {config.Backfill.Months} months of {config.Backfill.Every.ToString().ToLowerInvariant()}ly history ({planned.Count} snapshots) first.");
            }
            else if (planned.Count == 0)
            {
                console.Line($"The lake is empty, but the source {extractor.Source.Description} cannot travel back in time and holds no earlier snapshot from {from:yyyy-MM-dd} to {date:yyyy-MM-dd} (for a file drop: no dated export folder YYYY-MM-DD): no history is backfilled; only the snapshot of {date:yyyy-MM-dd} is landed.");
            }
            else
            {
                console.Line($"The lake is empty: landing the {planned.Count} dated export folder(s) of the source {extractor.Source.Description} ({planned[0]:yyyy-MM-dd} to {planned[^1]:yyyy-MM-dd}) first; it cannot travel back in time, so no other dates are backfilled.");
            }
        }
        else
        {
            console.Line($"An interrupted backfill ({markerPath}) is finished first.");
        }

        var have = landed.ToHashSet();
        var manifests = LakeLanding.LandAll(extractor, marker.Dates.Where(d => !have.Contains(d)).ToList(), console);
        File.WriteAllText(markerPath, JsonSerializer.Serialize(marker with { Complete = true }));
        nothingToDo = null;
        return manifests;
    }

    /// <summary>The planned dates and whether they are all landed (<c>lake/backfill.json</c>).</summary>
    private sealed record Marker(IReadOnlyList<DateOnly> Dates, bool Complete);
}
