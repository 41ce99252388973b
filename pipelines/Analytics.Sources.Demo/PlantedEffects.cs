namespace Analytics.Sources.Demo;

/// <summary>
/// The causal effects planted in the demo's event process, which the stalled-deal and tier models should
/// rediscover. The simulation reads the deal's state at the start of each day and these factors change that day's
/// chances, so the effects are causes, not labels (docs/demo-crm.md, "Planted effects").
/// </summary>
internal static class PlantedEffects
{
    /// <summary>A next step older than this many days counts as stale.</summary>
    public const double StaleNextStepDays = 14;

    /// <summary>A deal without activity for longer than this many days counts as gone quiet.</summary>
    public const double ActivityGapDays = 14;

    /// <summary>Factor on the daily chance of advancing a stage while the next step is stale.</summary>
    public const double AdvanceFactorWhenStale = 0.35;

    /// <summary>Factor on the daily chance of advancing a stage while the deal has gone quiet.</summary>
    public const double AdvanceFactorWhenQuiet = 0.10;

    /// <summary>Factor on the daily chance of closing lost while the next step is stale.</summary>
    public const double LossFactorWhenStale = 1.5;

    /// <summary>Factor on the daily chance of closing lost while the deal has gone quiet.</summary>
    public const double LossFactorWhenQuiet = 4.0;

    /// <summary>A deal quiet for longer than this many days may be scrubbed from the pipeline.</summary>
    public const double AbandonAfterQuietDays = 45;

    /// <summary>Daily chance that a deal quiet for over <see cref="AbandonAfterQuietDays"/> days is closed lost as "no_decision".</summary>
    public const double AbandonChancePerQuietDay = 0.03;

    /// <summary>Factor on the daily chance of closing lost by the primary partner's tier (registered, select, elite).</summary>
    public static ReadOnlySpan<double> TierLossFactor => [1.00, 0.87, 0.72];

    /// <summary>Factor on the daily chance of closing lost per unexpired certified person at the partner, for up to <see cref="MaxCountedCertifiedPeople"/> people.</summary>
    public const double LossFactorPerCertifiedPerson = 0.97;

    public const int MaxCountedCertifiedPeople = 8;

    /// <summary>The loss factor of a deal whose primary partner has <paramref name="tier"/> and <paramref name="certifiedPeople"/> certified people.</summary>
    public static double PartnerLossFactor(int tier, int certifiedPeople) =>
        TierLossFactor[tier] * Math.Pow(LossFactorPerCertifiedPerson, Math.Min(certifiedPeople, MaxCountedCertifiedPeople));
}
