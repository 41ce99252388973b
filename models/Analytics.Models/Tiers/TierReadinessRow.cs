namespace Analytics.Models.Tiers;

/// <summary>One (partner, fiscal quarter) of <c>tier_readiness_rows.sql</c>: the features at the quarter and the outcome a quarter later.</summary>
/// <param name="PartnerId">The partner.</param>
/// <param name="FiscalQuarter">The quarter Q the features describe.</param>
/// <param name="QuarterNumber">Q's number in intermediate.fiscal_quarters.</param>
/// <param name="QuarterStart">First day of Q.</param>
/// <param name="Tier">The partner's tier.</param>
/// <param name="TargetTier">The next tier, or the partner's own at the top tier.</param>
/// <param name="OutcomeQuarter">Q + 1 (null when Q is the current quarter).</param>
/// <param name="OutcomeQuarterEnd">The day after Q + 1 ends (null with it).</param>
/// <param name="Features">Values in <see cref="TierReadinessRows.Features"/> order.</param>
/// <param name="HasFullHistory">Q's four-quarter window lies inside the CRM's deal history.</param>
/// <param name="MetTarget">Whether every judged criterion of the target tier was met at Q + 1; null until Q + 1 has closed.</param>
internal sealed record TierReadinessRow(
    string PartnerId,
    string FiscalQuarter,
    int QuarterNumber,
    DateOnly QuarterStart,
    string Tier,
    string TargetTier,
    string? OutcomeQuarter,
    DateOnly? OutcomeQuarterEnd,
    double[] Features,
    bool HasFullHistory,
    bool? MetTarget)
{
    /// <summary>A training row: its outcome is known and its features are not truncated by the start of the CRM's history.</summary>
    public bool IsTrainingRow => MetTarget.HasValue && HasFullHistory;
}
