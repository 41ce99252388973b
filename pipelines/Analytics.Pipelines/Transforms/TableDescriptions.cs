using System.Reflection;
using Analytics.Pipelines.Configuration;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The descriptions of the tables and views the pipeline's code writes rather than a SQL model (the catalog, the
/// configuration tables, the lake views, the scores, the run history and the delivery ledger): one YAML file per table,
/// <c>pipelines/transforms/tables/&lt;schema&gt;/&lt;table&gt;.yml</c>, in the format of a model's YAML (description, grain,
/// columns, metrics; no tests). They are compiled into this assembly, so the code that creates a table always carries
/// its description, whichever transforms folder pipeline.yaml names. <c>tables/templates/</c> holds the descriptions
/// shared by many tables (the <c>staging.&lt;entity&gt;_as_of</c> views, the failing-rows tables), with
/// <c>{placeholders}</c>.
/// </summary>
public static class TableDescriptions
{
    /// <summary>The folder, under the transforms folder, holding the descriptions.</summary>
    public const string Folder = "tables";

    /// <summary>The sub-folder of descriptions shared by many tables.</summary>
    public const string Templates = "templates";

    private const string ResourcePrefix = Folder + "/";

    private static readonly Lazy<IReadOnlyDictionary<string, TableDescription>> Loaded = new(Load);

    /// <summary>Every table's description (templates excluded), by schema-qualified name.</summary>
    public static IReadOnlyDictionary<string, TableDescription> All => Loaded.Value;

    /// <summary>The description of <paramref name="table"/> (schema-qualified).</summary>
    /// <exception cref="InvalidOperationException">No <c>tables/&lt;schema&gt;/&lt;table&gt;.yml</c> describes it.</exception>
    public static TableDescription Of(string table) => All.TryGetValue(table, out var description)
        ? description
        : throw new InvalidOperationException($"{table}: no description; add pipelines/transforms/{Folder}/{table.Replace('.', '/')}.yml.");

    /// <summary>The shared description <c>tables/templates/&lt;name&gt;.yml</c>.</summary>
    public static TableDescription Template(string name) => Of($"{Templates}.{name}");

    private static Dictionary<string, TableDescription> Load()
    {
        var assembly = typeof(TableDescriptions).Assembly;
        var descriptions = new Dictionary<string, TableDescription>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var description = Read(assembly, resource);
            descriptions.Add(description.Name, description);
        }

        return descriptions;
    }

    private static TableDescription Read(Assembly assembly, string resource)
    {
        var file = $"pipelines/transforms/{resource}";
        var parts = resource[ResourcePrefix.Length..].Split('/');
        if (parts.Length != 2 || !parts[1].EndsWith(".yml", StringComparison.Ordinal))
        {
            throw new ConfigurationException($"{file}: a table's description is {Folder}/<schema>/<table>.yml.");
        }

        var (schema, table) = (parts[0], parts[1][..^4]);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var models = ModelYamlReader.Read(file, schema, reader);
        if (models.Count != 1 || models[0].Table != table)
        {
            throw new ConfigurationException($"{file}:1: describes {models.Count} table(s); a <table>.yml describes exactly the table of its file name, '{schema}.{table}'.");
        }

        var yaml = models[0];
        if (yaml.TestEntries.Count > 0)
        {
            throw new ConfigurationException($"{file}:{yaml.TestEntries[0].Line}: data tests belong to SQL models; the code that writes {schema}.{table} checks it.");
        }

        return new TableDescription($"{schema}.{table}", yaml.Description, yaml.Grain, yaml.Columns, yaml.Metrics);
    }
}
