using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Sources.Files;
using Analytics.Sources.Demo;
using Analytics.Sources.HubSpot;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.Postgres;
using Analytics.Sources.Postgres.Configuration;
using Analytics.Sources.Salesforce;
using Analytics.Sources.Salesforce.Configuration;

namespace Analytics.Orchestration.Sources;

/// <summary>
/// Creates the source pipeline.yaml (or --source) asks for. It lives above the sources, which each live in their own
/// project (the demo CRM, Salesforce) or in Analytics.Pipelines (the file drop), so it can see them all.
/// </summary>
public static class CrmSources
{
    /// <summary>The source of kind <paramref name="kind"/>, configured from <paramref name="config"/>; <paramref name="clock"/> is the run's clock (Salesforce: the incremental bookmark).</summary>
    public static ICrmSource Create(PipelineConfig config, SourceKind kind, TimeProvider clock) => kind switch
    {
        SourceKind.Demo => new DemoCrmSource(config.Source.Demo),
        SourceKind.Files => new FileDropSource(config.Source.Files, config.Extract.MaxTextLength),
        SourceKind.Salesforce => new SalesforceSource(config.Source.Salesforce, config.Extract.MaxTextLength, clock),
        SourceKind.Postgres => new PostgresSource(config.Source.Postgres, config.Extract.MaxTextLength),
        SourceKind.HubSpot => new HubSpotSource(config.Source.HubSpot, config.Extract.MaxTextLength, clock),
        _ => throw new ConfigurationException($"{config.File}: source.kind '{kind}' is not supported."),
    };
}
