using Analytics.Pipelines.Crm;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Pipelines.Configuration;

/// <summary>
/// Reads and validates pipeline.yaml. Unknown keys and bad values are errors naming the file, line and key; relative
/// paths are resolved against the folder holding the file. This project reads the sections of the early stages
/// (source, paths, extract, backfill, fiscal, transform, tiers); every other section is read by the project that owns
/// it, through the <see cref="IConfigSection"/> the composition root passes in.
/// </summary>
public static partial class PipelineConfigLoader
{
    /// <summary>The configuration file the CLI uses when none is named.</summary>
    public const string DefaultFileName = "pipeline.yaml";

    /// <summary>The keys this project reads at the top level and under <c>source:</c>; an owned section may not take one.</summary>
    private static readonly string[] BuiltInKeys = ["source", "paths", "extract", "backfill", "fiscal", "transform", "tiers", "targets", "source.kind", "source.files"];

    /// <summary>
    /// Loads and validates <paramref name="file"/>. Unlike <see cref="Parse"/>, an empty file (nothing but blanks and
    /// comments) is refused: a truncated configuration must not run on the built-in defaults and the demo CRM.
    /// </summary>
    /// <param name="file">The configuration file.</param>
    /// <param name="sections">The sections other projects own; a key of the file that none of them, nor this project, reads is refused.</param>
    /// <exception cref="ConfigurationException">The file is missing, empty, not YAML, or not a valid configuration.</exception>
    public static PipelineConfig Load(string file, params IReadOnlyList<IConfigSection> sections)
    {
        var fullPath = Path.GetFullPath(file);
        if (!System.IO.File.Exists(fullPath))
        {
            throw new ConfigurationException($"{file}: configuration file not found (run from the repository root, or pass --config <path>).");
        }

        var config = Parse(System.IO.File.ReadAllText(fullPath), fullPath, sections);
        if (config.IsEmpty)
        {
            throw new ConfigurationException($"{fullPath}: the configuration is empty; refusing to run on built-in defaults and the demo CRM "
                + "(a truncated or blank file?). Restore it, or name at least the source, e.g. 'source: { kind: demo }'.");
        }

        return config;
    }

    /// <summary>
    /// Refuses a configuration without a <c>source:</c> section for a command that lands data: without one the demo CRM
    /// would be used, and a production configuration cut short would silently switch to fake data.
    /// </summary>
    /// <exception cref="ConfigurationException">The configuration has no <c>source:</c> section.</exception>
    public static PipelineConfig RequireSource(PipelineConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Source.Declared)
        {
            throw new ConfigurationException($"{config.File}: no 'source:' section, so there is nothing to extract from; refusing to fall back "
                + "to the demo CRM. Name the source explicitly: 'source: { kind: demo }', or 'kind: files' with 'files: { folder: ... }'.");
        }

        return config;
    }

    /// <summary>Validates configuration text; <paramref name="file"/> names it in errors and anchors relative paths.</summary>
    /// <param name="yaml">The configuration text.</param>
    /// <param name="file">The file it comes from.</param>
    /// <param name="sections">The sections other projects own; a key of the text that none of them, nor this project, reads is refused.</param>
    /// <exception cref="ConfigurationException">The text is not YAML, or not a valid configuration.</exception>
    public static PipelineConfig Parse(string yaml, string file, params IReadOnlyList<IConfigSection> sections)
    {
        CheckPlacement(sections);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{file}:{e.Start.Line}: not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        var rootNode = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigurationException($"{file}:1: the configuration must be a mapping of sections (source:, paths:, ...).");
        var root = new YamlSection(file, string.Empty, rootNode);
        var sourceDeclared = rootNode.Children.TryGetValue(new YamlScalarNode("source"), out var sourceNode) && sourceNode is YamlMappingNode { Children.Count: > 0 };
        var baseFolder = Path.GetDirectoryName(file) ?? Environment.CurrentDirectory;

        var owned = new Dictionary<string, object>(StringComparer.Ordinal);
        var config = new PipelineConfig(
            file,
            ReadSource(root.Section("source"), baseFolder, sections, owned) with { Declared = sourceDeclared },
            ReadPaths(root.Section("paths"), baseFolder),
            ReadExtract(root.Section("extract")),
            ReadBackfill(root.Section("backfill")),
            ReadFiscal(root.Section("fiscal")),
            ReadTransform(root.Section("transform"), baseFolder),
            ReadTiers(root.Section("tiers")))
        {
            IsEmpty = rootNode.Children.Count == 0,
            Targets = ReadTargets(root.Section("targets")),
        };
        ReadOwnedSections(root, sections, owned);
        root.RejectUnknownKeys();
        var values = new ConfigSectionValues(file, owned);
        return config with { Source = config.Source with { SectionValues = values }, SectionValues = values };
    }

    private static SourceConfig ReadSource(YamlSection section, string baseFolder, IReadOnlyList<IConfigSection> sections, Dictionary<string, object> values)
    {
        var kind = section.Enum("kind", SourceKind.Demo);
        ReadOwnedSections(section, sections, values);
        var files = ReadFiles(section.Section("files"), baseFolder);
        section.RejectUnknownKeys();
        return new SourceConfig(kind, files);
    }

    /// <summary>Has every owned section directly under <paramref name="parent"/> read itself, in the order given.</summary>
    private static void ReadOwnedSections(YamlSection parent, IReadOnlyList<IConfigSection> sections, Dictionary<string, object> owned)
    {
        foreach (var section in sections.Where(s => ParentPath(s.Path) == parent.Path))
        {
            owned[section.Path] = section.Read(parent.Section(section.Path[(section.Path.LastIndexOf('.') + 1)..]));
        }
    }

    /// <summary>Owned sections sit at the top level or under <c>source:</c>, once each, and never on a key read here.</summary>
    private static void CheckPlacement(IReadOnlyList<IConfigSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var path = section.Path;
            if (path.Length == 0 || path.StartsWith('.') || path.EndsWith('.') || ParentPath(path) is not ("" or "source"))
            {
                throw new ArgumentException($"Section '{path}' of {section.GetType().Name}: an owned section is a top-level key or 'source.<kind>'.", nameof(sections));
            }

            if (BuiltInKeys.Contains(path) || !seen.Add(path))
            {
                throw new ArgumentException($"Section '{path}' of {section.GetType().Name} is already read by another section or by the loader.", nameof(sections));
            }
        }
    }

    private static string ParentPath(string path) => path.LastIndexOf('.') is var dot and >= 0 ? path[..dot] : string.Empty;

    private static FileDropConfig ReadFiles(YamlSection section, string baseFolder)
    {
        var format = section.Enum("format", FileFormat.Csv);
        var delimiter = section.String("delimiter", ",");
        if (delimiter.Length != 1)
        {
            throw section.Error("delimiter", $"must be a single character, not '{delimiter}'");
        }

        var entities = new Dictionary<string, EntityFileConfig>(StringComparer.Ordinal);
        var entitiesSection = section.Section("entities");
        foreach (var name in entitiesSection.Keys.ToList())
        {
            var schema = CrmSchema.Entities.FirstOrDefault(e => e.Name == name)
                ?? throw entitiesSection.Error(name, $"is not a canonical entity; use one of {string.Join(", ", CrmSchema.Entities.Select(e => e.Name))}");
            var entity = entitiesSection.Section(name);
            var entityFormat = entity.Enum("format", format);
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            var columnsSection = entity.Section("columns");
            foreach (var column in columnsSection.Keys.ToList())
            {
                if (schema.Columns.All(c => c.Name != column))
                {
                    throw columnsSection.Error(column, $"is not a column of {name}; its columns are {string.Join(", ", schema.Columns.Select(c => c.Name))}");
                }

                columns[column] = columnsSection.String(column, column);
            }

            columnsSection.RejectUnknownKeys();
            entities[name] = new EntityFileConfig(entity.String("file", $"{name}.{Extension(entityFormat)}"), entityFormat, columns);
            entity.RejectUnknownKeys();
        }

        entitiesSection.RejectUnknownKeys();
        var config = new FileDropConfig(
            Resolve(baseFolder, section.String("folder", "data/drop")),
            format,
            delimiter[0],
            section.OptionalString("date_format"),
            section.OptionalString("timestamp_format"),
            entities);
        section.RejectUnknownKeys();
        return config;
    }

    private static PathsConfig ReadPaths(YamlSection section, string baseFolder)
    {
        var paths = new PathsConfig(
            Resolve(baseFolder, section.String("lake", "data/lake")),
            Resolve(baseFolder, section.String("warehouse", "data/warehouse/analytics.duckdb")),
            Resolve(baseFolder, section.String("reports", "data/reports")),
            Resolve(baseFolder, section.String("outbox", "data/outbox")),
            Resolve(baseFolder, section.String("runs", "data/runs")),
            Resolve(baseFolder, section.String("models", "data/models")));
        section.RejectUnknownKeys();
        return paths;
    }

    private static ExtractConfig ReadExtract(YamlSection section)
    {
        var extract = new ExtractConfig(
            section.Double("quarantine_threshold", 0.05, 0, 1),
            section.Int("max_text_length", 4000, 1, 1_000_000));
        section.RejectUnknownKeys();
        return extract;
    }

    private static BackfillConfig ReadBackfill(YamlSection section)
    {
        var backfill = new BackfillConfig(section.Int("months", 18, 1, 120), section.Enum("every", SnapshotCadence.Week));
        section.RejectUnknownKeys();
        return backfill;
    }

    private static FiscalConfig ReadFiscal(YamlSection section)
    {
        var fiscal = new FiscalConfig(section.Int("year_start_month", 1, 1, 12));
        section.RejectUnknownKeys();
        return fiscal;
    }

    private static TransformConfig ReadTransform(YamlSection section, string baseFolder)
    {
        var transform = new TransformConfig(
            Resolve(baseFolder, section.String("models", "pipelines/transforms")),
            section.Int("failing_rows_kept", 1000, 1, 1_000_000));
        section.RejectUnknownKeys();
        return transform;
    }

    private static TiersConfig ReadTiers(YamlSection section)
    {
        var graceMargin = section.Double("grace_margin", TiersConfig.Default.GraceMargin, 0, 1);
        var levelsSection = section.Section("levels");
        var names = levelsSection.Keys.ToList();
        if (names.Count == 0)
        {
            section.RejectUnknownKeys();
            return TiersConfig.Default with { GraceMargin = graceMargin };
        }

        var levels = new List<TierLevel>();
        foreach (var name in names)
        {
            var level = levelsSection.Section(name);
            var criteria = new List<TierCriterion>();
            foreach (var criterion in level.Keys.ToList())
            {
                if (!TiersConfig.CriterionNames.Contains(criterion))
                {
                    throw level.Error(criterion, $"is not a tier criterion; use one of {string.Join(", ", TiersConfig.CriterionNames)}");
                }

                criteria.Add(new TierCriterion(criterion, level.Double(criterion, 0, 0, 1e15)));
            }

            level.RejectUnknownKeys();
            levels.Add(new TierLevel(name, levels.Count, criteria));
        }

        levelsSection.RejectUnknownKeys();
        section.RejectUnknownKeys();
        return new TiersConfig(graceMargin, levels);
    }

    private static TargetsConfig ReadTargets(YamlSection section)
    {
        var targets = new List<Target>();
        foreach (var quarter in section.Keys.ToList())
        {
            if (!FiscalQuarterKey().IsMatch(quarter))
            {
                throw section.Error(quarter, "is not a fiscal quarter; write it as 2026-Q3");
            }

            var quarterSection = section.Section(quarter);
            if (quarterSection.IsSection("program"))
            {
                targets.AddRange(ReadTargetMeasures(quarterSection.Section("program"), quarter, null));
            }

            var partners = quarterSection.Section("partners");
            foreach (var partnerId in partners.Keys.ToList())
            {
                targets.AddRange(ReadTargetMeasures(partners.Section(partnerId), quarter, partnerId));
            }

            partners.RejectUnknownKeys();
            quarterSection.RejectUnknownKeys();
        }

        section.RejectUnknownKeys();
        return new TargetsConfig(targets);
    }

    private static IEnumerable<Target> ReadTargetMeasures(YamlSection section, string quarter, string? partnerId)
    {
        var targets = new List<Target>();
        foreach (var measure in section.Keys.ToList())
        {
            if (!TargetsConfig.MeasureNames.Contains(measure))
            {
                throw section.Error(measure, $"is not a target measure; use one of {string.Join(", ", TargetsConfig.MeasureNames)}");
            }

            targets.Add(new Target(quarter, partnerId, measure, section.Double(measure, 0, 0, 1e15)));
        }

        section.RejectUnknownKeys();
        return targets;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-Q[1-4]$")]
    private static partial System.Text.RegularExpressions.Regex FiscalQuarterKey();

    /// <summary>The usual file extension of a format.</summary>
    public static string Extension(FileFormat format) => format switch
    {
        FileFormat.Csv => "csv",
        FileFormat.Jsonl => "jsonl",
        _ => "parquet",
    };

    private static string Resolve(string baseFolder, string path) => Path.GetFullPath(Path.Combine(baseFolder, path));
}
