using Analytics.Pipelines.Configuration;

namespace Analytics.Sources.Demo.Tests;

public sealed class DemoSourceConfigSectionTests
{
    private const string File = "/repo/pipeline.yaml";

    [Fact]
    public void An_empty_file_gives_the_demo_crm_with_seed_42()
    {
        var config = PipelineConfigLoader.Parse(string.Empty, File, DemoSourceConfigSection.Instance);

        Assert.Equal(SourceKind.Demo, config.Source.Kind);
        Assert.Equal(42, config.Source.Demo.Seed);
    }

    [Fact]
    public void A_mistake_is_an_error_naming_the_file_line_and_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("source:\n  kind: demo\n  demo:\n    sead: 1\n", "pipeline.yaml", DemoSourceConfigSection.Instance));

        Assert.Contains("pipeline.yaml:4: unknown key 'sead' under 'source.demo'", error.Message);
    }

    [Fact]
    public void A_configuration_naming_only_the_demo_settings_is_accepted_where_data_is_landed()
    {
        var config = PipelineConfigLoader.Parse("source:\n  demo:\n    scale: 0.02\n", File, DemoSourceConfigSection.Instance);

        Assert.Same(config, PipelineConfigLoader.RequireSource(config));
        Assert.Equal(0.02, config.Source.Demo.Scale);
    }
}
