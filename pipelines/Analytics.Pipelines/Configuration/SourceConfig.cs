namespace Analytics.Pipelines.Configuration;

/// <summary>
/// The <c>source:</c> section: which kind, and the settings of each kind. The files kind is read here; a source kind
/// that lives in its own project (the demo CRM) owns its <c>source.&lt;kind&gt;</c> section, reached through
/// <see cref="Section{T}"/>.
/// </summary>
/// <param name="Kind">The source the nightly extract uses.</param>
/// <param name="Files">Settings of the file-drop source.</param>
public sealed record SourceConfig(SourceKind Kind, FileDropConfig Files)
{
    /// <summary>
    /// Whether the configuration has a <c>source:</c> section. Without one the defaults (the demo CRM) apply, which
    /// commands that land data refuse (<see cref="PipelineConfigLoader.RequireSource"/>): a truncated production
    /// configuration must not silently switch to fake data.
    /// </summary>
    public bool Declared { get; init; } = true;

    /// <summary>
    /// The <c>source.&lt;kind&gt;</c> blocks the file writes out (e.g. <c>salesforce</c>), so a source that cannot run on
    /// defaults (a CRM with credentials) is refused naming the missing block rather than failing on a default value.
    /// </summary>
    public IReadOnlySet<string> Blocks { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The settings of the registered <c>source.&lt;kind&gt;</c> sections, read when the file was loaded.</summary>
    internal ConfigSectionValues SectionValues { get; init; } = new(string.Empty, new Dictionary<string, object>());

    /// <summary>The settings of a source kind's own section (<c>source.demo</c>), as loaded (its defaults when the file lacks it).</summary>
    public T Section<T>(IConfigSection<T> section)
        where T : notnull => SectionValues.Get(section);
}
