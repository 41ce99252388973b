using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Sources.Demo;
using Analytics.Pipelines.Sources.Files;

namespace Analytics.Pipelines.Sources;

/// <summary>Creates the source pipeline.yaml (or --source) asks for.</summary>
public static class CrmSources
{
    /// <summary>The source of kind <paramref name="kind"/>, configured from <paramref name="config"/>.</summary>
    public static ICrmSource Create(PipelineConfig config, SourceKind kind) => kind switch
    {
        SourceKind.Demo => new DemoCrmSource(config.Source.Demo),
        SourceKind.Files => new FileDropSource(config.Source.Files, config.Extract.MaxTextLength),
        _ => throw new ConfigurationException($"{config.File}: source.kind '{kind}' is not supported."),
    };
}
