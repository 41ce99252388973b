using System.Globalization;
using System.Numerics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Pipelines.Configuration;

/// <summary>
/// One mapping of pipeline.yaml, read key by key. Every key read is remembered, so that <see cref="RejectUnknownKeys"/>
/// can name any key nobody asked for (a typo is an error, not a silently ignored setting), and every error names the
/// file, line and full key path.
/// </summary>
public sealed class YamlSection
{
    private readonly string _file;
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    internal YamlSection(string file, string path, YamlMappingNode node)
    {
        _file = file;
        Path = path;
        _node = node;
    }

    /// <summary>
    /// A YAML document of its own (not pipeline.yaml), e.g. a default compiled into a project, read with the same
    /// checks; <paramref name="file"/> names it in errors and <paramref name="path"/> prefixes its keys.
    /// </summary>
    /// <exception cref="ConfigurationException">The text is not YAML or not a mapping.</exception>
    public static YamlSection Parse(string yaml, string file, string path = "")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw YamlSyntaxError.From(file, yaml, e);
        }

        var node = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigurationException($"{file}:1: must be a mapping of keys to values.");
        return new YamlSection(file, path, node);
    }

    /// <summary>
    /// The items under <paramref name="key"/> as sections: one when the value is a mapping, one per item when it is a
    /// list of mappings; empty when the key is absent.
    /// </summary>
    public IReadOnlyList<YamlSection> Sections(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => [],
            YamlScalarNode { Value: null or "" or "~" or "null" } => [],
            YamlMappingNode mapping => [new YamlSection(_file, Qualified(key), mapping)],
            YamlSequenceNode sequence => sequence.Children.Select((item, i) => item is YamlMappingNode m
                ? new YamlSection(_file, $"{Qualified(key)}[{i}]", m)
                : throw Error(item, key, "must be a mapping or a list of mappings")).ToList(),
            _ => throw Error(node, key, "must be a mapping or a list of mappings"),
        };
    }

    /// <summary>Whether <paramref name="key"/> holds a mapping (not a single value or list); false when absent.</summary>
    public bool IsSection(string key) => _node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode;

    /// <summary>The dotted key path of this section, empty for the root.</summary>
    public string Path { get; }

    /// <summary>The file this section comes from.</summary>
    public string File => _file;

    /// <summary>The line (1-based) the section starts on.</summary>
    public long Line => _node.Start.Line;

    /// <summary>The keys present, in file order.</summary>
    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    /// <summary>The mapping under <paramref name="key"/>; an empty section when the key is absent or null.</summary>
    public YamlSection Section(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => new YamlSection(_file, Qualified(key), new YamlMappingNode()),
            YamlMappingNode mapping => new YamlSection(_file, Qualified(key), mapping),
            YamlScalarNode { Value: null or "" or "~" or "null" } => new YamlSection(_file, Qualified(key), new YamlMappingNode()),
            _ => throw Error(node, key, "must be a mapping of keys to values"),
        };
    }

    /// <summary>The items of a list (<c>key: [a, b]</c> or one <c>- item</c> per line); empty when the key is absent.</summary>
    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children.ToList(),
            YamlScalarNode { Value: null or "" or "~" or "null" } => [],
            _ => throw Error(node, key, "must be a list"),
        };
    }

    /// <summary>A list of single values, e.g. <c>values: [a, b]</c>.</summary>
    public IReadOnlyList<string> Strings(string key) =>
        Sequence(key).Select(item => item is YamlScalarNode { Value: { } value }
            ? value
            : throw Error(item, key, "must be a list of single values")).ToList();

    /// <summary>A value that must be present.</summary>
    public string RequiredString(string key) => OptionalString(key) is { Length: > 0 } value
        ? value
        : throw Error(key, "is required");

    /// <summary>A single value, or <paramref name="fallback"/> when the key is absent or null.</summary>
    public string String(string key, string fallback) => OptionalString(key) ?? fallback;

    /// <summary>A single value, or null when the key is absent or null.</summary>
    public string? OptionalString(string key)
    {
        var node = Find(key);
        return node switch
        {
            null => null,
            YamlScalarNode { Value: null or "~" or "null" } => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Error(node, key, "must be a single value"),
        };
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int Int(string key, int fallback, int min, int max) =>
        Number(key, fallback, min, max, NumberStyles.AllowLeadingSign, "a whole number");

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public double Double(string key, double fallback, double min, double max) =>
        Number(key, fallback, min, max, NumberStyles.Float, "a number");

    private T Number<T>(string key, T fallback, T min, T max, NumberStyles styles, string kind)
        where T : struct, INumber<T>
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        if (!T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Error(Find(key)!, key, $"must be {kind} from {min.ToString(null, CultureInfo.InvariantCulture)} to {max.ToString(null, CultureInfo.InvariantCulture)}, not '{text}'");
        }

        return value;
    }

    /// <summary>true/yes/on or false/no/off, or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string key, bool fallback)
    {
        var text = OptionalString(key);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(Find(key)!, key, $"must be true or false, not '{text}'"),
        };
    }

    /// <summary>A date written yyyy-MM-dd, or <paramref name="fallback"/> when absent.</summary>
    public DateOnly Date(string key, DateOnly fallback)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw Error(Find(key)!, key, $"must be a date written yyyy-MM-dd, not '{text}'");
        }

        return value;
    }

    /// <summary>One of the enum's names in any case (never its number), or <paramref name="fallback"/> when absent.</summary>
    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, System.Enum
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        if (!System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) || !System.Enum.IsDefined(value) || int.TryParse(text, out _))
        {
            var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
            throw Error(Find(key)!, key, $"must be one of {allowed}, not '{text}'");
        }

        return value;
    }

    /// <summary>
    /// The name of an environment variable (never its value: secrets stay out of the file), or null when the key is
    /// absent.
    /// </summary>
    public string? EnvironmentVariableName(string key)
    {
        var name = OptionalString(key);
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
        {
            throw Error(key, $"'{name}' is not an environment variable name (letters, digits and _; the value itself never goes in this file)");
        }

        return name;
    }

    /// <summary>Fails on the first key that was never asked for, naming the keys that are allowed here.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_known.Contains(name))
            {
                var where = Path.Length == 0 ? "at the top level" : $"under '{Path}'";
                var allowed = _known.Count == 0 ? "none" : string.Join(", ", _known.Order(StringComparer.Ordinal));
                throw new ConfigurationException($"{_file}:{key.Start.Line}: unknown key '{name}' {where}; allowed here: {allowed}.");
            }
        }
    }

    /// <summary>An error about <paramref name="key"/> at the line it is on.</summary>
    public ConfigurationException Error(string key, string problem) =>
        Find(key) is { } node ? Error(node, key, problem) : new ConfigurationException($"{_file}: '{Qualified(key)}' {problem}.");

    /// <summary>Marks keys that a caller reads in its own way (a map of names) as known.</summary>
    public void Allow(string key) => _known.Add(key);

    /// <summary>Where <paramref name="key"/> is written (<c>file:line: 'path.key'</c>), for errors found after loading.</summary>
    public string Where(string key) =>
        Find(key) is { } node ? $"{_file}:{node.Start.Line}: '{Qualified(key)}'" : $"{_file}: '{Qualified(key)}'";

    private YamlNode? Find(string key)
    {
        _known.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    /// <summary>An error reported at the line of the key (where a reader looks), not of its value.</summary>
    private ConfigurationException Error(YamlNode node, string key, string problem)
    {
        var keyNode = _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);
        return new($"{_file}:{(keyNode ?? node).Start.Line}: '{Qualified(key)}' {problem}.");
    }

    private string Qualified(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
