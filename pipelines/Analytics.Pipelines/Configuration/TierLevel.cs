namespace Analytics.Pipelines.Configuration;

/// <summary>A partner tier and what a partner must meet to hold it.</summary>
/// <param name="Name">The tier as the CRM spells it (registered, select, elite).</param>
/// <param name="Rank">0 for the entry tier, rising by one per tier.</param>
/// <param name="Criteria">Every criterion must be met; the entry tier usually has none.</param>
public sealed record TierLevel(string Name, int Rank, IReadOnlyList<TierCriterion> Criteria);
