namespace Analytics.Pipelines.Transforms;

/// <summary>A documented column of a model.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Description">What it holds, in the analyst's words.</param>
public sealed record ColumnDefinition(string Name, string Description);
