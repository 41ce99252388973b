namespace Analytics.Sources.Salesforce.Api;

/// <summary>The org's daily API usage as the latest <c>Sforce-Limit-Info</c> header gave it, and this run's share.</summary>
/// <param name="UsedAtStart">Calls used in the rolling 24 hours when this run first looked.</param>
/// <param name="Used">Calls used now.</param>
/// <param name="Allowed">The daily allowance.</param>
public sealed record ApiUsage(long UsedAtStart, long Used, long Allowed)
{
    /// <summary>Calls this run has used.</summary>
    public long UsedByThisRun => Used - UsedAtStart;
}
