using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Transforms;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Orchestration.Stages;

/// <summary>The transform stage: builds the warehouse from one lake snapshot, with a progress bar.</summary>
public static class TransformStage
{
    /// <summary>
    /// The request pipeline.yaml describes, building from the snapshot of <paramref name="date"/> itself (null: the
    /// newest snapshot). <c>run --date D</c> and <c>transform --as-of D</c> build D, never a neighbour of it.
    /// </summary>
    /// <exception cref="SnapshotNotLandedException">No snapshot of <paramref name="date"/> is landed (names the date and the lake folder).</exception>
    public static TransformRequest Request(PipelineConfig config, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (date is { } day)
        {
            var layout = new LakeLayout(config.Paths.Lake);
            var landed = layout.LandedDates();
            if (!landed.Contains(day))
            {
                var holds = landed.Count == 0 ? "it holds no snapshot yet" : $"it holds {landed.Count} snapshot(s), {landed.Min():yyyy-MM-dd} to {landed.Max():yyyy-MM-dd}";
                throw new SnapshotNotLandedException($"{layout.Raw}: no snapshot of {day:yyyy-MM-dd} is landed ({holds}); land it first: {SuggestedCommands.Extract(day)}");
            }
        }

        return TransformRequest.From(config, date);
    }

    /// <summary>Builds the warehouse for <paramref name="request"/> under a progress bar; returns the outcome (not yet shown).</summary>
    public static TransformResult Build(TransformRequest request, TimeProvider clock, IStageConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.WithProgress(StageProgressKind.Building, "transform", progress =>
        {
            var total = 1.0;
            var result = new TransformRunner(clock).Run(request, new SynchronousProgress<TransformProgress>(p =>
            {
                total = Math.Max(1, p.Total);
                progress.Report(new StageProgress(p.Done, total, p.Message));
            }));
            progress.Report(new StageProgress(total, total));
            return result;
        });
    }
}
