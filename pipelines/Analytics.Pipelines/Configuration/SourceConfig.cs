namespace Analytics.Pipelines.Configuration;

/// <summary>The <c>source:</c> section: which kind, and the settings of each kind.</summary>
/// <param name="Kind">The source the nightly extract uses.</param>
/// <param name="Demo">Settings of the built-in demo CRM.</param>
/// <param name="Files">Settings of the file-drop source.</param>
public sealed record SourceConfig(SourceKind Kind, DemoSourceConfig Demo, FileDropConfig Files)
{
    /// <summary>
    /// Whether the configuration has a <c>source:</c> section. Without one the defaults (the demo CRM) apply, which
    /// commands that land data refuse (<see cref="PipelineConfigLoader.RequireSource"/>): a truncated production
    /// configuration must not silently switch to fake data.
    /// </summary>
    public bool Declared { get; init; } = true;
}
