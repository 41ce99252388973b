namespace Analytics.Pipelines.Transforms;

/// <summary>
/// What a table or view that no SQL model builds holds, from its <c>tables/&lt;schema&gt;/&lt;table&gt;.yml</c>
/// (<see cref="TableDescriptions"/>): the same description, grain and columns a SQL model's YAML gives.
/// </summary>
/// <param name="Name">The table or view, schema-qualified, e.g. <c>scores.forecast</c>.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Grain">What one row is.</param>
/// <param name="Columns">Every column's description, in YAML order.</param>
/// <param name="Metrics">The business figures it defines (<c>metrics:</c>).</param>
public sealed record TableDescription(
    string Name,
    string Description,
    string Grain,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<MetricDefinition> Metrics)
{
    /// <summary>The column descriptions by name.</summary>
    public IReadOnlyDictionary<string, string> ColumnDescriptions => Columns.ToDictionary(c => c.Name, c => c.Description, StringComparer.Ordinal);
}
