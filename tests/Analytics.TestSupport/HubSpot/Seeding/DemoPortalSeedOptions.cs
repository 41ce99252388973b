namespace Analytics.TestSupport.HubSpot.Seeding;

/// <summary>What <see cref="DemoPortalSeeder"/> copies: everything by default; the benchmark caps deals and skips activities.</summary>
public sealed record DemoPortalSeedOptions
{
    /// <summary>Opportunities beyond this many are skipped with their partner rows, stage history and activities; null: all.</summary>
    public long? MaxOpportunities { get; init; }

    /// <summary>Whether activities become meetings, calls, e-mails and notes.</summary>
    public bool IncludeActivities { get; init; } = true;
}
