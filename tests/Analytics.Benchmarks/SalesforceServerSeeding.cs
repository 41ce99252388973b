using System.Diagnostics;
using System.Globalization;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Salesforce;
using Analytics.TestSupport.Salesforce.Seeding;

namespace Analytics.Benchmarks;

/// <summary>
/// Fills the standalone contract server's org (<c>salesforce-server</c>) from the demo CRM through
/// <see cref="DemoOrgSeeder"/>: by default the demo CRM of <c>--date</c> (default 2026-11-21) at <c>--scale</c>
/// (default 0.05) with every object; with <c>--opportunities N</c>, the benchmark's org: the demo CRM at the scale that
/// yields at least N opportunities, capped at exactly N with their partner rows and stage history, no activities (the
/// other objects stay small). <c>--empty</c> leaves only the objects defined.
/// </summary>
internal static class SalesforceServerSeeding
{
    public static Task SeedAsync(SalesforceOrg org, string[] args)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(args);
        DemoOrgSchema.Define(org);
        if (args.Contains("--empty"))
        {
            return Task.CompletedTask;
        }

        var (date, opportunities, scale) = DemoSeedArguments.Read(args);
        var watch = Stopwatch.StartNew();
        var seeder = new DemoOrgSeeder(org, new DemoOrgSeedOptions { MaxOpportunities = opportunities, IncludeActivities = opportunities is null });
        new DemoCrm(new DemoCrmOptions { Seed = 42, Scale = scale }).WriteSnapshot(date, seeder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded from the demo CRM (seed 42, scale {scale}, as of {date:yyyy-MM-dd}) in {watch.Elapsed.TotalSeconds:F1} s"));
        if (opportunities is { } wanted && seeder.Opportunities < wanted)
        {
            throw new InvalidOperationException($"scale {scale} gave only {seeder.Opportunities:N0} opportunities, fewer than {wanted:N0}");
        }

        return Task.CompletedTask;
    }
}
