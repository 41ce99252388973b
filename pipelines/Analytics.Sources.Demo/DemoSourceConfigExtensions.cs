using Analytics.Pipelines.Configuration;

namespace Analytics.Sources.Demo;

/// <summary>The demo CRM's section, read as a property of the loaded <c>source:</c> settings.</summary>
public static class DemoSourceConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } = [DemoSourceConfigSection.Instance];

    extension(SourceConfig source)
    {
        /// <summary><c>source.demo:</c>, settings of the built-in demo CRM.</summary>
        public DemoSourceConfig Demo => source.Section(DemoSourceConfigSection.Instance);
    }
}
