namespace Analytics.Sources.Salesforce;

/// <summary>What <see cref="SourceCheck"/> found for one canonical entity: each sObject its mapping reads (lookups included).</summary>
/// <param name="Entity">The canonical entity.</param>
/// <param name="Objects">Its sources and lookup objects, in mapping order.</param>
public sealed record EntityCheck(string Entity, IReadOnlyList<ObjectCheck> Objects)
{
    /// <summary>Whether every object of the entity can be read as mapped.</summary>
    public bool CanWork => Objects.All(o => o.CanWork);
}
