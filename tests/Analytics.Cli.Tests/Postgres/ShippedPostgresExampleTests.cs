using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Postgres;

/// <summary>The commented <c>postgres:</c> block of the shipped pipeline.yaml holds only valid keys.</summary>
public sealed class ShippedPostgresExampleTests
{
    [Fact]
    public void The_shipped_postgres_block_once_uncommented_is_refused_only_for_the_entities_it_leaves_to_the_complete_example()
    {
        using var dir = new TempDirectory();
        var config = ShippedSourceBlock.Write(dir, "postgres");

        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Load(config, PipelineConfigSections.All));

        var others = CrmSchema.Entities.Select(e => e.Name).Except(["opportunities", "opportunity_partners"]);
        Assert.Contains($"must map every canonical entity; missing: {string.Join(", ", others)}.", error.Message, StringComparison.Ordinal);
    }
}
