namespace Analytics.Cli.Dictionary;

/// <summary>One table or view of the warehouse as the data dictionary describes it.</summary>
/// <param name="Schema">Its schema, e.g. <c>marts</c>.</param>
/// <param name="Name">Its schema-qualified name, e.g. <c>marts.win_rates</c>.</param>
/// <param name="IsView">True for a view (computed when queried), false for a table.</param>
/// <param name="Description">What it holds, from <c>catalog.models</c>; null when the catalog does not describe it.</param>
/// <param name="Grain">What one row is; null when unknown.</param>
/// <param name="SqlFile">The SQL model it is built from, relative to the transforms folder; null when code writes it.</param>
/// <param name="Reads">The tables and views it reads (<c>depends_on</c>), sorted.</param>
/// <param name="Columns">Its columns in table order.</param>
/// <param name="Tests">Its data tests: those of the whole table first, then by column order and name.</param>
/// <param name="Metrics">The business figures its YAML defines, in YAML order.</param>
internal sealed record DictionaryTable(
    string Schema,
    string Name,
    bool IsView,
    string? Description,
    string? Grain,
    string? SqlFile,
    IReadOnlyList<string> Reads,
    IReadOnlyList<DictionaryColumn> Columns,
    IReadOnlyList<DictionaryTest> Tests,
    IReadOnlyList<DictionaryMetric> Metrics);
