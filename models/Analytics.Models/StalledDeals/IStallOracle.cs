namespace Analytics.Models.StalledDeals;

/// <summary>
/// Knows, for an open deal at a snapshot, the true probability that it stalls within the horizon: only a generated CRM
/// can (the demo's replays its future). The stalled-deal model's AUC is reported beside the oracle's on the same rows,
/// so a shortfall can be told apart from a ceiling.
/// </summary>
public interface IStallOracle
{
    /// <summary>What the oracle is, for the evaluation's detail ("demo CRM seed 42, 200 replays").</summary>
    string Description { get; }

    /// <summary>The probability of stalling of each (opportunity, snapshot) it knows; unknown ones are left out.</summary>
    IReadOnlyDictionary<(string OpportunityId, DateOnly Snapshot), double> StallProbabilities(
        IReadOnlyCollection<(string OpportunityId, DateOnly Snapshot)> deals, int horizonDays);
}
