using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace Analytics.Pipelines.Configuration;

/// <summary>
/// The settings of the sections the composition root registered, by path, as read when the file was loaded. A section
/// that was not registered could not have been in the file (its key would have been refused), so it reads as its
/// defaults.
/// </summary>
internal sealed class ConfigSectionValues(string file, IReadOnlyDictionary<string, object> read)
{
    private readonly ConcurrentDictionary<string, object> _values = new(read, StringComparer.Ordinal);

    public T Get<T>(IConfigSection<T> section)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(section);
        return (T)_values.GetOrAdd(section.Path, _ => section.Read(new YamlSection(file, section.Path, new YamlMappingNode())));
    }
}
