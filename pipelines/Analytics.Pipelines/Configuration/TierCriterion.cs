namespace Analytics.Pipelines.Configuration;

/// <summary>One criterion of a tier: a <c>marts.tier_inputs</c> measure that must reach <paramref name="Threshold"/>.</summary>
/// <param name="Name">The measure, one of <see cref="TiersConfig.CriterionNames"/>.</param>
/// <param name="Threshold">The least value that meets the criterion (inclusive).</param>
public sealed record TierCriterion(string Name, double Threshold);
