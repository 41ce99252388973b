using System.Globalization;
using Analytics.Models.StalledDeals;
using Analytics.Sources.Demo;

namespace Analytics.Orchestration.Sources;

/// <summary>
/// The demo CRM's oracle (<see cref="DemoCrm.StallProbabilities"/>) for the stalled-deal model's evaluation: it knows the
/// true stall probabilities of the lake the demo source landed, as long as <c>source.demo</c> has not changed since.
/// </summary>
public sealed class DemoStallOracle(DemoSourceConfig config) : IStallOracle
{
    /// <summary>Futures replayed per deal.</summary>
    public const int Replays = 200;

    private readonly DemoCrm _crm = new(new DemoCrmOptions { Seed = config.Seed, Scale = config.Scale, HistoryEnd = config.HistoryEnd });

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"oracle: the demo CRM (seed {config.Seed}, scale {config.Scale}) replaying each deal's future {Replays} times");

    /// <inheritdoc />
    public IReadOnlyDictionary<(string OpportunityId, DateOnly Snapshot), double> StallProbabilities(
        IReadOnlyCollection<(string OpportunityId, DateOnly Snapshot)> deals, int horizonDays) =>
        _crm.StallProbabilities(deals, horizonDays, Replays);
}
