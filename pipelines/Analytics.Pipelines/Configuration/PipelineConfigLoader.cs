using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Sources.Demo;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Pipelines.Configuration;

/// <summary>
/// Reads and validates pipeline.yaml. Unknown keys and bad values are errors naming the file, line and key; relative
/// paths are resolved against the folder holding the file.
/// </summary>
public static class PipelineConfigLoader
{
    /// <summary>The configuration file the CLI uses when none is named.</summary>
    public const string DefaultFileName = "pipeline.yaml";

    /// <summary>
    /// Loads and validates <paramref name="file"/>. Unlike <see cref="Parse"/>, an empty file (nothing but blanks and
    /// comments) is refused: a truncated configuration must not run on the built-in defaults and the demo CRM.
    /// </summary>
    /// <exception cref="ConfigurationException">The file is missing, empty, not YAML, or not a valid configuration.</exception>
    public static PipelineConfig Load(string file)
    {
        var fullPath = Path.GetFullPath(file);
        if (!System.IO.File.Exists(fullPath))
        {
            throw new ConfigurationException($"{file}: configuration file not found (run from the repository root, or pass --config <path>).");
        }

        var config = Parse(System.IO.File.ReadAllText(fullPath), fullPath);
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
    public static PipelineConfig Parse(string yaml, string file)
    {
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

        var config = new PipelineConfig(
            file,
            ReadSource(root.Section("source"), baseFolder) with { Declared = sourceDeclared },
            ReadPaths(root.Section("paths"), baseFolder),
            ReadExtract(root.Section("extract")),
            ReadBackfill(root.Section("backfill")),
            ReadFiscal(root.Section("fiscal")),
            ReadTransform(root.Section("transform"), baseFolder),
            ReadTiers(root.Section("tiers")),
            ReadModels(root.Section("models")),
            ReadReports(root.Section("reports")),
            ReadDelivery(root.Section("delivery")),
            ReadSchedules(root.Section("schedules")),
            ReadScheduler(root.Section("scheduler")),
            ReadRuns(root.Section("runs")))
        {
            IsEmpty = rootNode.Children.Count == 0,
        };
        root.RejectUnknownKeys();
        return config;
    }

    private static SourceConfig ReadSource(YamlSection section, string baseFolder)
    {
        var kind = section.Enum("kind", SourceKind.Demo);
        var demoSection = section.Section("demo");
        var demo = new DemoSourceConfig(
            demoSection.Int("seed", 42, int.MinValue, int.MaxValue),
            demoSection.Double("scale", 1.0, 0.01, 100),
            demoSection.Date("history_end", new DemoCrmOptions().HistoryEnd));
        demoSection.RejectUnknownKeys();
        var files = ReadFiles(section.Section("files"), baseFolder);
        section.RejectUnknownKeys();
        return new SourceConfig(kind, demo, files);
    }

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

    private static ModelsConfig ReadModels(YamlSection section)
    {
        var stalledSection = section.Section("stalled_deal");
        var maxOutcomes = stalledSection.OptionalString("max_training_outcomes") is null
            ? (int?)null
            : stalledSection.Int("max_training_outcomes", 0, 10, int.MaxValue);
        var stalled = new StalledDealModelConfig(
            stalledSection.Int("horizon_days", 30, 1, 365),
            stalledSection.Int("evaluation_weeks", 12, 1, 104),
            stalledSection.Double("l2", 1.0, 0, 1e6),
            stalledSection.Int("min_outcomes", 400, 1, int.MaxValue),
            maxOutcomes);
        stalledSection.RejectUnknownKeys();
        var readinessSection = section.Section("tier_readiness");
        var readiness = new TierReadinessModelConfig(readinessSection.Double("l2", 1.0, 0, 1e6));
        readinessSection.RejectUnknownKeys();
        var forecastSection = section.Section("forecast");
        var forecast = new ForecastModelConfig(forecastSection.Int("backtest_quarters", 4, 1, 20));
        forecastSection.RejectUnknownKeys();
        var models = new ModelsConfig(section.Int("retrain_after_days", 7, 0, 3650), stalled, readiness, forecast);
        section.RejectUnknownKeys();
        return models;
    }

    private static ReportsConfig ReadReports(YamlSection section)
    {
        if (section.Keys.Contains("license_key_variable"))
        {
            // PDFsharp 6.2 is MIT-licensed: there is no licence to choose. Said plainly rather than as an unknown key.
            throw section.Error("license_key_variable", "is no longer used: the PDFs are made with PDFsharp 6.2 (MIT licence), which needs no licence key; delete the line");
        }

        var reports = new ReportsConfig(section.Int("stalled_deals_listed", 20, 1, 200));
        section.RejectUnknownKeys();
        return reports;
    }

    private static DeliveryConfig ReadDelivery(YamlSection section)
    {
        var from = section.String("from", "partner-analytics@example.com");
        if (!System.Net.Mail.MailAddress.TryCreate(from, out _))
        {
            throw section.Error("from", $"'{from}' is not an email address");
        }

        var smtpSection = section.Section("smtp");
        var smtp = new SmtpConfig(
            smtpSection.String("host", "localhost"),
            smtpSection.Int("port", 587, 1, 65535),
            smtpSection.Bool("starttls", true),
            EnvironmentVariableName(smtpSection, "username_variable"),
            EnvironmentVariableName(smtpSection, "password_variable"),
            smtpSection.Int("timeout_seconds", 30, 1, 600));
        if ((smtp.UsernameVariable is null) != (smtp.PasswordVariable is null))
        {
            throw smtpSection.Error("password_variable", "username_variable and password_variable go together: name both or neither");
        }

        smtpSection.RejectUnknownKeys();
        var retry = ReadRetry(section.Section("retry"), 4, 2, 60);
        var delivery = new DeliveryConfig(
            section.Enum("transport", DeliveryTransport.Outbox),
            from,
            section.Enum("weekly_day", DayOfWeek.Monday),
            smtp,
            retry);
        section.RejectUnknownKeys();
        return delivery;
    }

    private static RetryConfig ReadRetry(YamlSection section, int attempts, double initialDelay, double maxDelay)
    {
        var retry = new RetryConfig(
            section.Int("attempts", attempts, 1, 20),
            section.Double("initial_delay_seconds", initialDelay, 0, 3600),
            section.Double("max_delay_seconds", maxDelay, 0, 86400));
        section.RejectUnknownKeys();
        return retry;
    }

    /// <summary>The jobs <c>analytics serve</c> schedules, and their defaults.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultSchedules = new Dictionary<string, string>
    {
        ["nightly"] = "0 30 2 * * ?",
        ["weekly"] = "0 0 7 ? * MON",
        ["quarterly"] = "0 0 6 3 1,4,7,10 ?",
    };

    private static SchedulesConfig ReadSchedules(YamlSection section)
    {
        var zoneId = section.String("time_zone", "UTC");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw section.Error("time_zone", $"'{zoneId}' is not a time zone this machine knows (an IANA name such as Europe/Berlin or America/New_York)");
        }

        var jobs = new List<ScheduleConfig>();
        foreach (var (job, fallback) in DefaultSchedules)
        {
            var cron = section.Keys.Contains(job) ? section.OptionalString(job) : fallback;
            if (cron is { Length: > 0 })
            {
                if (QuartzCronSyntax.Problem(cron) is { } problem)
                {
                    throw section.Error(job, $"'{cron}' is not a Quartz cron expression: {problem} "
                        + "(six or seven fields: seconds 0-59, minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, "
                        + "day-of-week 1-7 or SUN-SAT, [year]; e.g. \"0 30 2 * * ?\" is 02:30 every day)");
                }

                jobs.Add(new ScheduleConfig(job, cron, section.Where(job)));
            }
        }

        section.RejectUnknownKeys();
        return new SchedulesConfig(zone, jobs);
    }

    private static SchedulerConfig ReadScheduler(YamlSection section)
    {
        var store = section.Enum("store", SchedulerStoreKind.Memory);
        var postgres = section.Section("postgres");
        var variable = EnvironmentVariableName(postgres, "connection_string_variable");
        postgres.RejectUnknownKeys();
        if (store == SchedulerStoreKind.Postgres && variable is null)
        {
            throw section.Error("store", "is postgres, so scheduler.postgres.connection_string_variable must name the environment variable holding the connection string");
        }

        var config = new SchedulerConfig(store, variable, section.OptionalString("instance_id"), ReadRetry(section.Section("step_retry"), 3, 30, 600));
        section.RejectUnknownKeys();
        return config;
    }

    private static RunsConfig ReadRuns(YamlSection section)
    {
        var alertTo = section.Strings("alert_to");
        foreach (var address in alertTo)
        {
            if (!System.Net.Mail.MailAddress.TryCreate(address, out _))
            {
                throw section.Error("alert_to", $"'{address}' is not an email address");
            }
        }

        var runs = new RunsConfig(section.Double("freshness_max_age_hours", 36, 1, 24 * 366), alertTo, section.Int("kept", 500, 0, 1_000_000));
        section.RejectUnknownKeys();
        return runs;
    }

    /// <summary>An optional environment variable's name (never its value: secrets stay out of the file).</summary>
    private static string? EnvironmentVariableName(YamlSection section, string key)
    {
        var name = section.OptionalString(key);
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
        {
            throw section.Error(key, $"'{name}' is not an environment variable name (letters, digits and _; the value itself never goes in this file)");
        }

        return name;
    }

    /// <summary>The usual file extension of a format.</summary>
    public static string Extension(FileFormat format) => format switch
    {
        FileFormat.Csv => "csv",
        FileFormat.Jsonl => "jsonl",
        _ => "parquet",
    };

    private static string Resolve(string baseFolder, string path) => Path.GetFullPath(Path.Combine(baseFolder, path));
}
