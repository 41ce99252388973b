namespace Analytics.Sources.Demo;

/// <summary>
/// A seller on the vendor's team. <see cref="Diligence"/> scales how often they update next steps and how rarely
/// their deals go quiet: the exogenous source of stale next steps and activity gaps.
/// </summary>
internal sealed record SalesRep(string Email, string Region, double Diligence);
