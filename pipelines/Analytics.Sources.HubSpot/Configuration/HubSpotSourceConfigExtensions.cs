using Analytics.Pipelines.Configuration;

namespace Analytics.Sources.HubSpot.Configuration;

/// <summary>The HubSpot source's section, read as a property of the loaded <c>source:</c> settings.</summary>
public static class HubSpotSourceConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } = [HubSpotSourceConfigSection.Instance];

    extension(SourceConfig source)
    {
        /// <summary><c>source.hubspot:</c>, settings of the HubSpot source.</summary>
        public HubSpotSourceConfig HubSpot => source.Section(HubSpotSourceConfigSection.Instance);
    }
}
