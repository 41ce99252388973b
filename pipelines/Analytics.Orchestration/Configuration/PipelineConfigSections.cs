using Analytics.Models.Configuration;
using Analytics.Pipelines.Configuration;
using Analytics.Reports.Configuration;
using Analytics.Sources.Demo;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.Postgres.Configuration;
using Analytics.Sources.Salesforce.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary>
/// Every section of pipeline.yaml that a project above Analytics.Pipelines owns, for the composition root (the CLI,
/// test helpers) to pass to <see cref="PipelineConfigLoader"/>: the whole file is validated when it is loaded, and a
/// key no stage owns is refused.
/// </summary>
public static class PipelineConfigSections
{
    /// <summary>All owned sections, in the order the shipped pipeline.yaml has them.</summary>
    public static IReadOnlyList<IConfigSection> All { get; } =
    [
        .. DemoSourceConfigExtensions.Sections,
        .. SalesforceSourceConfigExtensions.Sections,
        .. PostgresSourceConfigExtensions.Sections,
        .. HubSpotSourceConfigExtensions.Sections,
        .. ModelsConfigExtensions.Sections,
        .. ReportsConfigExtensions.Sections,
        .. OrchestrationConfigExtensions.Sections,
    ];
}
