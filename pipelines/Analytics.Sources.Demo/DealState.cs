namespace Analytics.Sources.Demo;

/// <summary>
/// Everything <see cref="OpportunitySimulator"/> knows about an open deal at the start of a day, hidden parts included
/// (whether the seller's engagement has lapsed, the day a doomed deal will be disqualified): copied at a snapshot's
/// cut-off, it lets the oracle replay the deal's future from exactly there.
/// </summary>
internal sealed class DealState
{
    public required MotionProfile Profile { get; init; }

    /// <summary>Stage-duration factor of the deal's type (renewals and expansions move faster).</summary>
    public required double Speed { get; init; }

    /// <summary>Loss factor of the deal's type.</summary>
    public required double TypeLoss { get; init; }

    public required bool Registered { get; init; }

    /// <summary>A partner-sourced new-business deal: engagement lapses half as often in its first month.</summary>
    public required bool Warm { get; init; }

    /// <summary>The day the deal will be disqualified, or -1.</summary>
    public required int DisqualifiedOn { get; init; }

    public required double LapseChance { get; init; }

    public required double NextStepChance { get; init; }

    public int Stage { get; set; }

    public DateTime LastActivity { get; set; }

    public DateTime NextStepAt { get; set; }

    public DateOnly CloseDate { get; set; }

    public double PartnerLoss { get; set; }

    /// <summary>The seller's engagement has lapsed (hidden from the CRM: only its effect, few activities, shows).</summary>
    public bool Lapsed { get; set; }

    public DealState Copy() => (DealState)MemberwiseClone();
}
