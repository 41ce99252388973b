namespace Analytics.Pipelines.Configuration;

/// <summary>
/// A section of pipeline.yaml that a stage outside this project owns and parses (<c>delivery:</c>, <c>models:</c>,
/// <c>source.demo:</c>, ...). The composition root passes every such section to <see cref="PipelineConfigLoader"/>, which
/// finds each one, has it read (so the whole file is validated when it is loaded) and refuses a key nobody owns.
/// </summary>
/// <remarks>Implement <see cref="IConfigSection{T}"/>; this untyped view is what the loader holds.</remarks>
public interface IConfigSection
{
    /// <summary>
    /// The section's dotted key path: a top-level key such as <c>delivery</c>, or <c>source.&lt;kind&gt;</c> for a
    /// source's own settings.
    /// </summary>
    string Path { get; }

    /// <summary>Reads and validates the section (empty when the file lacks it) and rejects keys it does not know.</summary>
    /// <exception cref="ConfigurationException">A value is missing, malformed or out of range, or a key is unknown.</exception>
    object Read(YamlSection section);
}
