namespace Analytics.Reports.Configuration;

/// <summary><c>reports:</c>, the QBR packs.</summary>
/// <param name="StalledDealsListed">How many of the highest stalled-deal scores the program pack lists.</param>
public sealed record ReportsConfig(int StalledDealsListed);
