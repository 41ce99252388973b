namespace Analytics.Pipelines.Transforms;

/// <summary>
/// A business figure as its model's YAML defines it (<c>metrics:</c>), loaded into <c>catalog.metrics</c>; the QBR
/// pack's appendix prints these definitions.
/// </summary>
/// <param name="Name">The metric's name, a lowercase identifier unique within its model, e.g. <c>credited_arr</c>.</param>
/// <param name="Model">The table or view whose YAML defines it, e.g. <c>marts.partner_arr_quarterly</c>.</param>
/// <param name="Label">Its name in the reports' words, e.g. <c>Credited ARR</c>.</param>
/// <param name="Definition">How it is computed, in sentences.</param>
/// <param name="See">Where its figures are, in order: tables and views (schema-qualified) or documents.</param>
public sealed record MetricDefinition(string Name, string Model, string Label, string Definition, IReadOnlyList<string> See);
