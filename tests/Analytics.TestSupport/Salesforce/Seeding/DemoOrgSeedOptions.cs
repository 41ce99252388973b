namespace Analytics.TestSupport.Salesforce.Seeding;

/// <summary>What <see cref="DemoOrgSeeder"/> copies: everything by default; the benchmark caps opportunities and skips activities.</summary>
public sealed record DemoOrgSeedOptions
{
    /// <summary>Opportunities beyond this many are skipped with their partner rows, stage history and activities; null: all.</summary>
    public long? MaxOpportunities { get; init; }

    /// <summary>Whether activities become Tasks and Events (the benchmark leaves them out: "the other objects small").</summary>
    public bool IncludeActivities { get; init; } = true;
}
