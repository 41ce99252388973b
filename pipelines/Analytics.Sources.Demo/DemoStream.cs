namespace Analytics.Sources.Demo;

/// <summary>The independent random streams of the demo CRM (see <see cref="DemoRandom.For"/>).</summary>
internal enum DemoStream
{
    Partners = 1,
    SalesTeam = 2,
    Accounts = 3,
    PartnerHistory = 4,

    /// <summary>The oracle's replays of a deal's future (<see cref="DemoCrm.StallProbabilities"/>): never used to generate the CRM.</summary>
    Oracle = 5,
}
