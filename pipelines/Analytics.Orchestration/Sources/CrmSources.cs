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
    /// <exception cref="ConfigurationException">A CRM that needs its own settings (Salesforce, HubSpot, PostgreSQL) has no block in the file.</exception>
    public static ICrmSource Create(PipelineConfig config, SourceKind kind, TimeProvider clock) => RequireSettings(config, kind) switch
    {
        SourceKind.Demo => new DemoCrmSource(config.Source.Demo),
        SourceKind.Files => new FileDropSource(config.Source.Files, config.Extract.MaxTextLength),
        SourceKind.Salesforce => new SalesforceSource(config.Source.Salesforce, config.Extract.MaxTextLength, clock),
        SourceKind.Postgres => new PostgresSource(config.Source.Postgres, config.Extract.MaxTextLength),
        SourceKind.HubSpot => new HubSpotSource(config.Source.HubSpot, config.Extract.MaxTextLength, clock),
        _ => throw new ConfigurationException($"{config.File}: source.kind '{kind}' is not supported."),
    };

    /// <summary>
    /// <paramref name="kind"/>, when the file has the settings it needs: a CRM reached with credentials cannot run on
    /// defaults, so its missing block is named (with where it is explained) instead of failing later on a default value.
    /// </summary>
    /// <exception cref="ConfigurationException">The block is missing.</exception>
    public static SourceKind RequireSettings(PipelineConfig config, SourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (block, section) = kind switch
        {
            SourceKind.Salesforce => ("salesforce", "Connect Salesforce"),
            SourceKind.HubSpot => ("hubspot", "Connect HubSpot"),
            SourceKind.Postgres => ("postgres", "Connect an in-house CRM on PostgreSQL"),
            _ => (null, null),
        };
        if (block is not null && !config.Source.Blocks.Contains(block))
        {
            throw new ConfigurationException($"{config.File}: the {block} source needs a 'source.{block}:' block, and there is none: uncomment and fill in "
                + $"the {block} block of pipeline.yaml (README, \"{section}\"), then test it with `analytics source check`.");
        }

        return kind;
    }
}
