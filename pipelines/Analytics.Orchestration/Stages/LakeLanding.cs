using System.Runtime.ExceptionServices;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.Orchestration.Sources;

namespace Analytics.Orchestration.Stages;

/// <summary>The extract stage: lands snapshots of the CRM into the lake, one or many at once.</summary>
public static class LakeLanding
{
    /// <summary>
    /// The extractor of the source <paramref name="config"/> names (or <paramref name="sourceOverride"/>); a command that
    /// lands data must name its source, so there is no silent demo fallback.
    /// </summary>
    public static ExtractRunner Extractor(PipelineConfig config, SourceKind? sourceOverride, TimeProvider clock) =>
        new(config, CrmSources.Create(sourceOverride is null ? PipelineConfigLoader.RequireSource(config) : config, sourceOverride ?? config.Source.Kind, clock), clock);

    /// <summary>
    /// Lands each date with a progress bar, two at a time on a machine with two or more cores (each snapshot is
    /// independent, and one extract keeps about one core busy); returns the manifests, oldest first.
    /// </summary>
    public static IReadOnlyList<SnapshotManifest> LandAll(ExtractRunner extractor, IReadOnlyList<DateOnly> dates, IStageConsole console)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(console);
        var manifests = new List<SnapshotManifest>();
        extractor.CleanUpAfterCrashedRuns();
        if (dates.Count == 0)
        {
            return manifests;
        }

        var gate = new object();
        console.WithProgress(StageProgressKind.Landing, $"landing {dates.Count} snapshot(s)", progress =>
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 2) };
            try
            {
                Parallel.ForEach(dates, parallel, date =>
                {
                    var manifest = extractor.Extract(date);
                    lock (gate)
                    {
                        manifests.Add(manifest);
                        console.Landed(manifest);
                        progress.Report(new StageProgress(manifests.Count, dates.Count));
                    }
                });
            }
            catch (AggregateException parallelFailure)
            {
                // Two dates landing at once usually fail for the same reason: report the first failure itself, as a
                // sequential backfill would, not .NET's "One or more errors occurred" with the message twice.
                ExceptionDispatchInfo.Throw(parallelFailure.Flatten().InnerExceptions[0]);
            }

            progress.Report(new StageProgress(dates.Count, dates.Count, $"landed {dates.Count} snapshot(s)"));
            return manifests.Count;
        });
        return manifests.OrderBy(m => m.SnapshotDate).ToList();
    }
}
