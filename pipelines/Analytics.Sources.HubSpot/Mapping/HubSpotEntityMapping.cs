namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>The HubSpot side of one canonical entity: the union of its sources' rows.</summary>
/// <param name="Entity">The canonical entity, e.g. <c>opportunities</c>.</param>
/// <param name="Sources">One or more object types whose mapped rows are unioned.</param>
public sealed record HubSpotEntityMapping(string Entity, IReadOnlyList<HubSpotObjectMapping> Sources);
