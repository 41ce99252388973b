using Analytics.Pipelines.Configuration;

namespace Analytics.Models.Configuration;

/// <summary>The section this project owns, read as a property of the loaded configuration.</summary>
public static class ModelsConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } = [ModelsConfigSection.Instance];

    extension(PipelineConfig config)
    {
        /// <summary><c>models:</c>, the scoring stage: stalled-deal score, tier readiness, forecast.</summary>
        public ModelsConfig Models => config.Section(ModelsConfigSection.Instance);
    }
}
