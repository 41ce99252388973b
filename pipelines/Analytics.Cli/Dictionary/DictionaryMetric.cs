namespace Analytics.Cli.Dictionary;

/// <summary>A business figure a table's YAML defines (<c>catalog.metrics</c>), as the QBR pack's appendix prints it.</summary>
/// <param name="Name">The metric's name, e.g. <c>credited_arr</c>.</param>
/// <param name="Label">Its name in the reports' words.</param>
/// <param name="Definition">How it is computed.</param>
/// <param name="See">Where its figures are, comma-separated.</param>
internal sealed record DictionaryMetric(string Name, string Label, string Definition, string See);
