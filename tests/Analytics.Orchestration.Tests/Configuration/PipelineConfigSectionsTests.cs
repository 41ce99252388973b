using Analytics.Models.Configuration;
using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;
using Analytics.Reports.Configuration;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Files;

namespace Analytics.Orchestration.Tests.Configuration;

public sealed class PipelineConfigSectionsTests
{
    [Fact]
    public void The_shipped_pipeline_yaml_is_valid_and_uses_the_demo_crm()
    {
        var shipped = Path.Combine(RepositoryFolder.Root, "pipeline.yaml");

        var config = PipelineConfigLoader.Load(shipped, PipelineConfigSections.All);

        Assert.Equal(SourceKind.Demo, config.Source.Kind);
        Assert.True(config.Source.Declared);
        Assert.StartsWith(RepositoryFolder.Root, config.Paths.Lake);
    }

    [Fact]
    public void Every_section_of_the_shipped_pipeline_yaml_is_read_by_its_owner()
    {
        var config = PipelineConfigLoader.Load(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"), PipelineConfigSections.All);

        Assert.Equal(42, config.Source.Demo.Seed);
        Assert.Equal(7, config.Models.RetrainAfterDays);
        Assert.Equal(20, config.Reports.StalledDealsListed);
        Assert.Equal(DeliveryTransport.Outbox, config.Delivery.Transport);
        Assert.Equal(["nightly", "weekly", "quarterly"], config.Schedules.Jobs.Select(j => j.Job));
        Assert.Equal(SchedulerStoreKind.Memory, config.Scheduler.Store);
        Assert.Equal(36, config.Runs.FreshnessMaxAgeHours);
    }

    [Fact]
    public void An_unknown_top_level_key_is_refused_naming_every_section_a_stage_owns()
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("deliveryy:\n  transport: smtp\n", "pipeline.yaml", PipelineConfigSections.All));

        Assert.Equal("pipeline.yaml:1: unknown key 'deliveryy' at the top level; allowed here: backfill, console, delivery, extract, fiscal, models, paths, "
            + "reports, runs, scheduler, schedules, source, targets, tiers, transform.", error.Message);
    }
}
