using Analytics.Pipelines.Configuration;

namespace Analytics.Pipelines.Tests.Configuration;

/// <summary>Sections another project owns: registered by the composition root, read when the file is loaded.</summary>
public sealed partial class PipelineConfigLoaderTests
{
    [Fact]
    public void An_owned_section_is_read_when_the_file_is_loaded_and_reached_through_the_config()
    {
        var config = PipelineConfigLoader.Parse("paths:\n  lake: lake\ngreeting:\n  text: hello\n  times: 3\n", File, GreetingSection.Instance);

        Assert.Equal(new Greeting("hello", 3), config.Section(GreetingSection.Instance));
        Assert.Equal("/repo/lake", config.Paths.Lake);
    }

    [Fact]
    public void An_owned_section_the_file_lacks_reads_as_its_defaults_registered_or_not()
    {
        Assert.Equal(new Greeting("hi", 1), PipelineConfigLoader.Parse("paths:\n  lake: lake\n", File, GreetingSection.Instance).Section(GreetingSection.Instance));
        Assert.Equal(new Greeting("hi", 1), PipelineConfigLoader.Parse("paths:\n  lake: lake\n", File).Section(GreetingSection.Instance));
    }

    [Theory]
    [InlineData("greeting:\n  times: 0\n", "pipeline.yaml:2: 'greeting.times' must be a whole number from 1 to 10, not '0'.")]
    [InlineData("greeting:\n  text: hello\n  tone: warm\n", "pipeline.yaml:3: unknown key 'tone' under 'greeting'; allowed here: text, times.")]
    [InlineData("source:\n  kind: demo\n  greeting:\n    txt: hi\n", "pipeline.yaml:4: unknown key 'txt' under 'source.greeting'; allowed here: text, times.")]
    public void A_mistake_in_an_owned_section_is_an_error_naming_the_file_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", GreetingSection.Instance, GreetingSection.UnderSource));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_section_nobody_registered_is_an_unknown_key_and_the_allowed_keys_name_the_owned_ones()
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("greeting:\n  text: hello\nfarewell:\n  text: bye\n", "pipeline.yaml", GreetingSection.Instance));

        Assert.Equal("pipeline.yaml:3: unknown key 'farewell' at the top level; allowed here: backfill, extract, fiscal, greeting, paths, source, targets, tiers, transform.", error.Message);
    }

    [Fact]
    public void A_source_kind_reads_its_own_section_under_source()
    {
        var config = PipelineConfigLoader.Parse("source:\n  kind: demo\n  greeting:\n    text: hey\n", File, GreetingSection.UnderSource);

        Assert.Equal(new Greeting("hey", 1), config.Source.Section(GreetingSection.UnderSource));
        Assert.True(config.Source.Declared);
    }

    [Theory]
    [InlineData("paths")]
    [InlineData("source.files")]
    [InlineData("paths.extra")]
    [InlineData("source.demo.extra")]
    [InlineData("")]
    public void An_owned_section_may_not_take_a_key_the_loader_reads_nor_sit_deeper_than_source(string path)
    {
        Assert.Throws<ArgumentException>(() => PipelineConfigLoader.Parse(string.Empty, File, new GreetingSection(path)));
    }

    [Fact]
    public void The_same_section_registered_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PipelineConfigLoader.Parse(string.Empty, File, GreetingSection.Instance, GreetingSection.Instance));
    }

    private sealed record Greeting(string Text, int Times);

    private sealed class GreetingSection(string path) : IConfigSection<Greeting>
    {
        public static GreetingSection Instance { get; } = new("greeting");

        public static GreetingSection UnderSource { get; } = new("source.greeting");

        public string Path => path;

        public Greeting Read(YamlSection section)
        {
            var greeting = new Greeting(section.String("text", "hi"), section.Int("times", 1, 1, 10));
            section.RejectUnknownKeys();
            return greeting;
        }
    }
}
