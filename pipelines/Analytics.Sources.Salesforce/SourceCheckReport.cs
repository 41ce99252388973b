using Analytics.Sources.Salesforce.Api;

namespace Analytics.Sources.Salesforce;

/// <summary>The outcome of <c>analytics source check</c> for Salesforce: per entity and object, and the API budget.</summary>
/// <param name="Description">Which org and API version was checked (never secrets).</param>
/// <param name="Entities">Per canonical entity, in schema order.</param>
/// <param name="Usage">The org's API usage after the check (used / allowed per 24 h), or null when unknown.</param>
public sealed record SourceCheckReport(string Description, IReadOnlyList<EntityCheck> Entities, ApiUsage? Usage)
{
    /// <summary>Whether the mapping can work against this org: every object exists and has every mapped field.</summary>
    public bool CanWork => Entities.All(e => e.CanWork);
}
