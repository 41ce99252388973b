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
        var shipped = File.ReadAllLines(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"));
        var start = Array.FindIndex(shipped, l => l == "  # postgres:");
        Assert.True(start > 0, "pipeline.yaml has no commented '  # postgres:' block");
        var block = shipped.Skip(start).TakeWhile(l => l.StartsWith("  #", StringComparison.Ordinal)).Select(l => l.Length > 4 ? "  " + l[4..] : string.Empty);
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllLines(config, ["source:", "  kind: postgres", .. block]);

        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Load(config, PipelineConfigSections.All));

        var others = CrmSchema.Entities.Select(e => e.Name).Except(["opportunities", "opportunity_partners"]);
        Assert.Contains($"must map every canonical entity; missing: {string.Join(", ", others)}.", error.Message, StringComparison.Ordinal);
    }
}
