using Analytics.Orchestration.Stages;
using Analytics.Pipelines.Configuration;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Orchestration.Tests.Stages;

public sealed class TransformStageTests
{
    private static readonly DateOnly June = new(2026, 6, 30);
    private static readonly DateOnly September = new(2026, 9, 30);

    [Fact]
    public void A_runs_date_builds_that_dates_snapshot_even_when_a_newer_one_is_landed()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");
        project.Land(September, "registered", "elite");

        var request = TransformStage.Request(Config(project), June);

        Assert.Equal(June, request.AsOf);
        Assert.Equal(June, new Analytics.Pipelines.Transforms.TransformRunner(TimeProvider.System).Run(request).SnapshotDate);
    }

    [Fact]
    public void A_runs_date_without_a_snapshot_is_refused_naming_the_date_and_the_lake_folder()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        var refused = Assert.Throws<SnapshotNotLandedException>(() => TransformStage.Request(Config(project), new DateOnly(2026, 7, 15)));

        Assert.Contains("no snapshot of 2026-07-15 is landed", refused.Message);
        Assert.Contains(Path.Combine(project.Lake, "raw"), refused.Message);
        Assert.Contains("2026-06-30 to 2026-06-30", refused.Message);
    }

    [Fact]
    public void Without_a_date_the_newest_snapshot_is_built()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        Assert.Null(TransformStage.Request(Config(project), null).AsOf);
    }

    private static PipelineConfig Config(MiniProject project) => PipelineConfigLoader.Load(project.WriteConfig());
}
