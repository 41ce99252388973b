namespace Analytics.Pipelines.Configuration;

/// <summary>A section of pipeline.yaml read into a <typeparamref name="T"/>; see <see cref="IConfigSection"/>.</summary>
/// <typeparam name="T">The section's settings.</typeparam>
public interface IConfigSection<out T> : IConfigSection
    where T : notnull
{
    /// <summary>Reads and validates the section (empty when the file lacks it) and rejects keys it does not know.</summary>
    /// <exception cref="ConfigurationException">A value is missing, malformed or out of range, or a key is unknown.</exception>
    new T Read(YamlSection section);

    /// <inheritdoc />
    object IConfigSection.Read(YamlSection section) => Read(section);
}
