namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>The Salesforce side of one canonical entity: the union of its sources' rows.</summary>
/// <param name="Entity">The canonical entity, e.g. <c>opportunities</c>.</param>
/// <param name="Sources">One or more sObjects whose mapped rows are unioned.</param>
public sealed record EntityMapping(string Entity, IReadOnlyList<ObjectMapping> Sources);
