namespace Analytics.Cli.Dictionary;

/// <summary>One column of a table in the data dictionary.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its DuckDB type, e.g. <c>DECIMAL(18,2)</c>.</param>
/// <param name="Description">What it holds, from <c>catalog.columns</c>; null when the catalog does not say.</param>
internal sealed record DictionaryColumn(string Name, string Type, string? Description);
