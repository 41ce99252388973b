using Analytics.TestSupport.Salesforce;

namespace Analytics.Benchmarks;

/// <summary>
/// Fills the standalone contract server's org (<c>salesforce-server</c>). The demo-CRM seeding and the fast synthetic
/// path for the 1,000,000-opportunity benchmark plug in here (issue 18, the wiring helper); until then the org is empty.
/// </summary>
internal static class SalesforceServerSeeding
{
    public static Task SeedAsync(SalesforceOrg org, string[] args)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(args);
        return Task.CompletedTask;
    }
}
