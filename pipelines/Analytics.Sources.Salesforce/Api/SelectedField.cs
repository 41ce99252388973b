namespace Analytics.Sources.Salesforce.Api;

/// <summary>A selected column of a query: a field or a relationship path, and how its value is rendered.</summary>
/// <param name="Path">The field or path as written in the SELECT, e.g. "Amount" or "Owner.Email".</param>
/// <param name="Type">How its value becomes canonical text.</param>
public sealed record SelectedField(string Path, SalesforceValueType Type);
