using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// The file-drop source: one file per canonical entity (CSV, JSON lines or Parquet) in a folder, with a column mapping
/// and formats from pipeline.yaml. The files are the CRM as of the extract date; a sub-folder per date
/// (<c>&lt;folder&gt;/YYYY-MM-DD/</c>) holds the CRM as of that date. Files cannot travel back in time: a backfill lands
/// only the dated sub-folders that exist (<see cref="HistoryDates"/>), never the same export under invented dates.
/// </summary>
public sealed class FileDropSource(FileDropConfig config, int maxTextLength) : ICrmSource
{
    /// <inheritdoc />
    public string Description => $"files ({config.Folder})";

    /// <inheritdoc />
    public void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress)
    {
        var folder = FolderFor(asOf);
        var parser = new FieldParser(config.DateFormat, config.TimestampFormat, maxTextLength);
        foreach (var entity in CrmSchema.Entities)
        {
            var file = config.Entities.TryGetValue(entity.Name, out var configured)
                ? configured
                : new EntityFileConfig($"{entity.Name}.{PipelineConfigLoader.Extension(config.Format)}", config.Format, new Dictionary<string, string>());
            var path = Path.Combine(folder, file.File);
            if (!File.Exists(path))
            {
                throw new SourceException($"{path}: file not found. The drop folder must hold one file per entity ({string.Join(", ", CrmSchema.Entities.Select(e => e.Name))}); an entity with no rows needs a file with only its header.");
            }

            progress?.Report($"reading {file.File}");
            var entityParser = new EntityFileParser(entity, file, parser);
            using var reader = Open(path, file, entity, entityParser);
            long read;
            try
            {
                read = entityParser.Load(reader, staging);
            }
            catch (InvalidDataException e)
            {
                // The file cannot be split into rows (a runaway quote): refuse it whole rather than land a part of it.
                throw new SourceException(e.Message);
            }

            if (read != staging.Landed(entity.Name) + staging.Quarantined(entity.Name))
            {
                throw new InvalidOperationException($"{file.File}: read {read} rows but staged {staging.Landed(entity.Name)} and quarantined {staging.Quarantined(entity.Name)}; this is a bug.");
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>The dates of the sub-folders named <c>YYYY-MM-DD</c>; other sub-folders are ignored.</remarks>
    public IReadOnlyList<DateOnly>? HistoryDates(DateOnly first, DateOnly last)
    {
        if (!Directory.Exists(config.Folder))
        {
            throw new SourceException($"{config.Folder}: the drop folder does not exist (source.files.folder in pipeline.yaml).");
        }

        return Directory.EnumerateDirectories(config.Folder)
            .Select(d => DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>()
            .Where(d => d >= first && d <= last)
            .Order()
            .ToList();
    }

    /// <summary>The folder holding the files for <paramref name="asOf"/>: a dated sub-folder if there is one.</summary>
    public string FolderFor(DateOnly asOf)
    {
        var dated = Path.Combine(config.Folder, asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(dated))
        {
            return dated;
        }

        return Directory.Exists(config.Folder)
            ? config.Folder
            : throw new SourceException($"{config.Folder}: the drop folder does not exist (source.files.folder in pipeline.yaml).");
    }

    private IRawRecordReader Open(string path, EntityFileConfig file, EntitySchema entity, EntityFileParser parser)
    {
        try
        {
            return file.Format switch
            {
                FileFormat.Csv => new CsvRecordReader(path, config.Delimiter, maxTextLength),
                FileFormat.Jsonl => new JsonLinesRecordReader(path, entity.Columns.Select(parser.SourceColumn)),
                _ => new ParquetRecordReader(path),
            };
        }
        catch (InvalidDataException e)
        {
            throw new SourceException(e.Message);
        }
    }
}
