namespace Analytics.Pipelines.Configuration;

/// <summary>
/// The whole of pipeline.yaml, validated. Paths are absolute (resolved against the file's folder). The sections of the
/// later stages (models, reports, delivery, schedules, scheduler, runs) belong to their projects and are reached through
/// <see cref="Section{T}"/>, usually by an extension property of that project (<c>config.Delivery</c>).
/// </summary>
/// <param name="File">The configuration file it was read from.</param>
/// <param name="Source">Where the CRM data comes from.</param>
/// <param name="Paths">Where each stage writes.</param>
/// <param name="Extract">Extract and landing settings.</param>
/// <param name="Backfill">Defaults of <c>analytics backfill</c> and of the first <c>analytics run</c>.</param>
/// <param name="Fiscal">Fiscal calendar.</param>
/// <param name="Transform">The SQL models that build the warehouse.</param>
/// <param name="Tiers">The tier criteria of the quarterly review.</param>
public sealed record PipelineConfig(
    string File,
    SourceConfig Source,
    PathsConfig Paths,
    ExtractConfig Extract,
    BackfillConfig Backfill,
    FiscalConfig Fiscal,
    TransformConfig Transform,
    TiersConfig Tiers)
{
    /// <summary>Targets per fiscal quarter, program-wide and per partner (none when the file sets none).</summary>
    public TargetsConfig Targets { get; init; } = TargetsConfig.None;

    /// <summary>Whether the text had no sections at all (blank or only comments): every value is a default.</summary>
    public bool IsEmpty { get; init; }

    /// <summary>The settings of the registered sections, read when the file was loaded.</summary>
    internal ConfigSectionValues SectionValues { get; init; } = new(File, new Dictionary<string, object>());

    /// <summary>The settings of a section another project owns, as loaded (its defaults when the file lacks it).</summary>
    public T Section<T>(IConfigSection<T> section)
        where T : notnull => SectionValues.Get(section);
}
