using System.Diagnostics;
using System.Globalization;
using Analytics.Sources.Demo;
using Analytics.TestSupport.HubSpot;
using Analytics.TestSupport.HubSpot.Seeding;

namespace Analytics.Benchmarks;

/// <summary>
/// Runs the HubSpot contract server standalone until Ctrl+C (or SIGTERM), over a portal seeded from the demo CRM
/// (<see cref="DemoSeedArguments"/>; with <c>--opportunities N</c> no activities, as the Salesforce benchmark): for
/// trying `analytics source check` by hand and for the extraction benchmark. Options: --port N (default 0: a free port).
/// </summary>
internal static class HubSpotServerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (date, opportunities, scale) = DemoSeedArguments.Read(args);
        var portal = new HubSpotPortal(TimeProvider.System);
        Console.WriteLine("seeding the portal…");
        var watch = Stopwatch.StartNew();
        var seeder = new DemoPortalSeeder(portal, new DemoPortalSeedOptions { MaxOpportunities = opportunities, IncludeActivities = opportunities is null });
        new DemoCrm(new DemoCrmOptions { Seed = 42, Scale = scale }).WriteSnapshot(date, seeder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded from the demo CRM (seed 42, scale {scale}, as of {date:yyyy-MM-dd}) in {watch.Elapsed.TotalSeconds:F1} s: {seeder.Deals:N0} deals"));
        if (opportunities is { } wanted && seeder.Deals < wanted)
        {
            throw new InvalidOperationException($"scale {scale} gave only {seeder.Deals:N0} deals, fewer than {wanted:N0}");
        }

        await using var server = await HubSpotContractServer.StartAsync(portal, new HubSpotContractServerOptions { Port = BenchmarkArguments.Int(args, "--port", 0) });

        Console.WriteLine($"HubSpot contract server at {server.BaseUrl} (base_url)");
        Console.WriteLine($"  token {server.Token} (a test server's, not a real secret)");
        Console.WriteLine("Ctrl+C stops it.");
        await StopSignal.WaitAsync();
        Console.WriteLine($"stopping after {server.Requests.Count:N0} requests");
        return 0;
    }
}
