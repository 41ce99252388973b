using Analytics.Pipelines.Configuration;

namespace Analytics.Sources.Salesforce.Configuration;

/// <summary>The Salesforce source's section, read as a property of the loaded <c>source:</c> settings.</summary>
public static class SalesforceSourceConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } = [SalesforceSourceConfigSection.Instance];

    extension(SourceConfig source)
    {
        /// <summary><c>source.salesforce:</c>, settings of the Salesforce source.</summary>
        public SalesforceSourceConfig Salesforce => source.Section(SalesforceSourceConfigSection.Instance);
    }
}
