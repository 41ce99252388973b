namespace Analytics.Pipelines.Configuration;

/// <summary>
/// <c>tiers:</c>, the quarterly tier review (DOMAIN.md "Tiers"): the tiers from lowest to highest with their criteria,
/// and the grace rule.
/// </summary>
/// <param name="GraceMargin">A partner that misses exactly one criterion of its tier by less than this share of the
/// threshold gets one quarter of grace instead of a downgrade.</param>
/// <param name="Levels">The tiers, lowest first.</param>
public sealed record TiersConfig(double GraceMargin, IReadOnlyList<TierLevel> Levels)
{
    /// <summary>
    /// The measures a criterion may name: columns of <c>marts.tier_inputs</c>. <c>recent_proofs</c> counts only the
    /// proof types the partner's type is asked for (case study; validated integration for tech, SOW for services).
    /// </summary>
    public static IReadOnlyList<string> CriterionNames { get; } =
        ["rolling_4q_credited_arr", "avg_csat", "certified_people", "recent_proofs", "hygiene_score"];

    /// <summary>
    /// The defaults, used when pipeline.yaml has no <c>tiers:</c> section. Calibrated on the demo CRM: each threshold
    /// sits near the weakest quarter (25th percentile) of the tier's own holders over four completed quarters, so a
    /// typical holder meets each criterion (docs/transforms.md, "The tier review").
    /// </summary>
    public static TiersConfig Default { get; } = new(0.10,
    [
        new TierLevel("registered", 0, []),
        new TierLevel("select", 1,
        [
            new TierCriterion("rolling_4q_credited_arr", 150_000),
            new TierCriterion("avg_csat", 3.8),
            new TierCriterion("certified_people", 2),
            new TierCriterion("recent_proofs", 1),
            new TierCriterion("hygiene_score", 0.55),
        ]),
        new TierLevel("elite", 2,
        [
            new TierCriterion("rolling_4q_credited_arr", 500_000),
            new TierCriterion("avg_csat", 4.0),
            new TierCriterion("certified_people", 3),
            new TierCriterion("recent_proofs", 2),
            new TierCriterion("hygiene_score", 0.60),
        ]),
    ]);
}
