using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The transforms folder, loaded and checked: <c>macros/*.sql</c> (created first), then one folder per layer
/// (<c>staging/</c>, <c>intermediate/</c>, <c>marts/</c>), each holding one <c>&lt;model&gt;.sql</c> per model with its
/// <c>&lt;model&gt;.yml</c> beside it, describing that model, its columns, data tests and metrics; <c>tables/</c> describes
/// what the pipeline's code writes (<see cref="TableDescriptions"/>). A <c>.sql</c> without its <c>.yml</c>, a <c>.yml</c>
/// without its <c>.sql</c>, or a <c>.yml</c> describing another model is an error naming the file; every reference must
/// name a model, a lake source or a configuration table, a layer reads only its own and earlier layers, and references
/// form no cycle.
/// </summary>
public sealed class TransformProject
{
    /// <summary>The layers, in the order they may read each other.</summary>
    public static IReadOnlyList<string> Layers { get; } = ["staging", "intermediate", "marts"];

    /// <summary>The position of <paramref name="layer"/> in <see cref="Layers"/> (a layer reads only lower ranks).</summary>
    public static int LayerRank(string layer)
    {
        for (var i = 0; i < Layers.Count; i++)
        {
            if (Layers[i] == layer)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The schema holding the lake's snapshot views, which staging models read.</summary>
    public const string LakeSchema = "lake";

    /// <summary>
    /// The schema of configuration tables the runner writes before any model (the tier criteria of pipeline.yaml),
    /// which a model of any layer may read: <c>config.tiers</c>, <c>config.tier_criteria</c>, <c>config.tier_settings</c>.
    /// </summary>
    public const string ConfigSchema = ConfigSchemaTables.Schema;

    /// <summary>The configuration tables a model may read.</summary>
    public static IReadOnlySet<string> ConfigTables => ConfigSchemaTables.Names;

    private TransformProject(string folder, IReadOnlyList<string> macroFiles, IReadOnlyList<ModelDefinition> models)
    {
        Folder = folder;
        MacroFiles = macroFiles;
        Models = models;
    }

    /// <summary>The transforms folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Macro files, in name order.</summary>
    public IReadOnlyList<string> MacroFiles { get; }

    /// <summary>The models in build order: every model after the models (and test targets) it reads.</summary>
    public IReadOnlyList<ModelDefinition> Models { get; }

    /// <summary>The lake sources a staging model may read: <c>lake.&lt;entity&gt;</c> and <c>lake.&lt;entity&gt;_snapshots</c>.</summary>
    public static IReadOnlySet<string> LakeSources { get; } = CrmSchema.Entities
        .SelectMany(e => new[] { $"{LakeSchema}.{e.Name}", $"{LakeSchema}.{e.Name}{LakeViews.SnapshotsSuffix}" })
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Loads and checks the project in <paramref name="folder"/>.</summary>
    /// <exception cref="TransformProjectException">The folder is missing or inconsistent.</exception>
    /// <exception cref="ConfigurationException">A YAML file is malformed (names file and line).</exception>
    public static TransformProject Load(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new TransformProjectException($"{root}: the transforms folder does not exist (transform.models in pipeline.yaml).");
        }

        var macros = Directory.Exists(Path.Combine(root, "macros"))
            ? Directory.GetFiles(Path.Combine(root, "macros"), "*.sql").Order(StringComparer.Ordinal).ToList()
            : [];
        var unknownFolders = Directory.GetDirectories(root).Select(Path.GetFileName)
            .Where(name => name != "macros" && name != TableDescriptions.Folder && !Layers.Contains(name!)).ToList();
        if (unknownFolders.Count > 0)
        {
            throw new TransformProjectException($"{root}: unknown folder(s) {string.Join(", ", unknownFolders)}; the layers are {string.Join(", ", Layers)} (and macros, {TableDescriptions.Folder}).");
        }

        var models = new List<ModelDefinition>();
        foreach (var layer in Layers)
        {
            var layerFolder = Path.Combine(root, layer);
            if (Directory.Exists(layerFolder))
            {
                models.AddRange(LoadLayer(layer, layerFolder));
            }
        }

        CheckReferences(models);
        return new TransformProject(root, macros, ModelGraph.BuildOrder(models));
    }

    private static IEnumerable<ModelDefinition> LoadLayer(string layer, string folder)
    {
        var yamlFiles = Directory.GetFiles(folder, "*.yml").Concat(Directory.GetFiles(folder, "*.yaml")).Order(StringComparer.Ordinal).ToList();
        var sqlFiles = Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).ToList();
        foreach (var yamlFile in yamlFiles)
        {
            var table = Path.GetFileNameWithoutExtension(yamlFile);
            if (!File.Exists(Path.Combine(folder, table + ".sql")))
            {
                throw new TransformProjectException($"{yamlFile}: describes model '{layer}.{table}' but {Path.Combine(folder, table + ".sql")} does not exist (a <model>.yml sits beside its <model>.sql).");
            }
        }

        foreach (var sqlFile in sqlFiles)
        {
            var table = Path.GetFileNameWithoutExtension(sqlFile);
            if (!ModelYamlReader.IsIdentifier(table))
            {
                throw new TransformProjectException($"{sqlFile}: a model file name must be a lowercase SQL identifier (letters, digits, underscores).");
            }

            var yaml = ReadModelYaml(layer, folder, table, yamlFiles);
            var sql = File.ReadAllText(sqlFile).Trim().TrimEnd(';').TrimEnd();
            if (sql.Length == 0)
            {
                throw new TransformProjectException($"{sqlFile}: the file is empty; a model is one SELECT statement.");
            }

            var references = SqlReferences.Find(sql, Layers.Append(LakeSchema).Append(ConfigSchema));
            var name = $"{layer}.{table}";
            yield return new ModelDefinition(name, layer, table, sqlFile, sql, yaml.Description, yaml.Grain, yaml.Materialization,
                yaml.Columns, yaml.Tests(name), references, yaml.Metrics);
        }
    }

    /// <summary>The one entry of <c>&lt;table&gt;.yml</c> (or <c>.yaml</c>, not both), which must describe the model of its file name.</summary>
    private static ModelYaml ReadModelYaml(string layer, string folder, string table, IReadOnlyList<string> yamlFiles)
    {
        var files = yamlFiles.Where(f => Path.GetFileNameWithoutExtension(f) == table).ToList();
        var sqlFile = Path.Combine(folder, table + ".sql");
        if (files.Count == 0)
        {
            throw new TransformProjectException($"{sqlFile}: model '{layer}.{table}' has no {table}.yml beside it (every model and column is documented there).");
        }

        if (files.Count > 1)
        {
            throw new TransformProjectException($"{sqlFile}: model '{layer}.{table}' is described twice ({string.Join(" and ", files.Select(Path.GetFileName))}); keep one {table}.yml.");
        }

        var models = ModelYamlReader.Read(files[0], layer);
        if (models.Count != 1 || models[0].Table != table)
        {
            var found = models.Count == 0 ? "no model" : string.Join(", ", models.Select(m => $"'{m.Table}' (line {m.Line})"));
            throw new TransformProjectException($"{files[0]}: describes {found}; a <model>.yml describes exactly the model of its file name, '{layer}.{table}'.");
        }

        return models[0];
    }

    private static void CheckReferences(List<ModelDefinition> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var testNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            if (model.References.Contains(model.Name))
            {
                throw new TransformProjectException($"{model.SqlFile}: the model reads itself ({model.Name}).");
            }

            foreach (var reference in model.References)
            {
                CheckReference(model.SqlFile, model.Layer, reference, byName);
            }

            foreach (var test in model.Tests)
            {
                if (!testNames.TryAdd(test.Name, model.Name))
                {
                    throw new TransformProjectException($"data test name '{test.Name}' is used twice (on {testNames[test.Name]} and {model.Name}); names must be unique.");
                }

                foreach (var reference in test.References)
                {
                    CheckReference($"{model.SqlFile} (test {test.Name})", model.Layer, reference, byName);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="reference"/> is the "as of" view of a staging model (staging.&lt;model&gt;_as_of).</summary>
    internal static bool IsAsOfView(string reference, IReadOnlyDictionary<string, ModelDefinition> byName) =>
        AsOfViewModel(reference) is { } model && byName.ContainsKey(model);

    /// <summary>The staging model whose "as of" view <paramref name="reference"/> names, else null.</summary>
    internal static string? AsOfViewModel(string reference) =>
        reference.StartsWith("staging.", StringComparison.Ordinal) && reference.EndsWith(TransformRunner.Build.AsOfSuffix, StringComparison.Ordinal)
            ? reference[..^TransformRunner.Build.AsOfSuffix.Length]
            : null;

    private static void CheckReference(string where, string layer, string reference, Dictionary<string, ModelDefinition> byName)
    {
        var schema = reference[..reference.IndexOf('.', StringComparison.Ordinal)];
        if (schema == LakeSchema)
        {
            if (!LakeSources.Contains(reference))
            {
                throw new TransformProjectException($"{where}: '{reference}' is not a lake source; the lake holds {string.Join(", ", CrmSchema.Entities.Select(e => "lake." + e.Name))} (and lake.<entity>{LakeViews.SnapshotsSuffix}).");
            }

            return;
        }

        if (schema == ConfigSchema)
        {
            if (!ConfigTables.Contains(reference))
            {
                throw new TransformProjectException($"{where}: '{reference}' is not a configuration table; the runner writes {string.Join(", ", ConfigTables.Order(StringComparer.Ordinal))}.");
            }

            return;
        }

        if (!byName.ContainsKey(reference) && !IsAsOfView(reference, byName))
        {
            throw new TransformProjectException($"{where}: references '{reference}', which is not a model (no {reference.Replace('.', Path.DirectorySeparatorChar)}.sql).");
        }

        if (LayerRank(schema) > LayerRank(layer))
        {
            throw new TransformProjectException($"{where}: a {layer} model cannot read '{reference}' from the later layer {schema}.");
        }
    }
}
