using Analytics.Cli.Tests.Salesforce;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.HubSpot;
using Analytics.TestSupport.HubSpot.Seeding;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.HubSpot;

/// <summary>
/// A pipeline folder whose pipeline.yaml reads a HubSpot contract server seeded from the demo CRM (seed 42, scale 0.05,
/// as <see cref="SeededOrgs"/>); the token is in an environment variable named for this workspace alone.
/// </summary>
internal sealed class HubSpotWorkspace : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _tokenVariable = "ANALYTICS_TEST_HS_TOKEN_" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
    private readonly SeededOrgs.SettableClock _portalClock;

    private HubSpotWorkspace(HubSpotContractServer server, SeededOrgs.SettableClock portalClock)
    {
        Server = server;
        _portalClock = portalClock;
        Environment.SetEnvironmentVariable(_tokenVariable, server.Token);
    }

    public HubSpotContractServer Server { get; }

    public HubSpotPortal Portal => Server.Portal;

    public string TokenVariable => _tokenVariable;

    public string Folder => _dir.Path;

    public string Lake => _dir.Combine("data", "lake");

    public string Warehouse => _dir.Combine("data", "warehouse", "analytics.duckdb");

    /// <summary>A workspace over a new portal seeded from the demo CRM of <see cref="SeededOrgs.Day"/>, at 22:00 the day before.</summary>
    public static async Task<HubSpotWorkspace> StartAsync(HubSpotContractServerOptions? options = null)
    {
        var clock = new SeededOrgs.SettableClock(new DateTimeOffset(SeededOrgs.DayBefore.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero));
        var portal = DemoPortalSeeder.SeedFromDemo(new DemoCrmOptions { Seed = SeededOrgs.Seed, Scale = SeededOrgs.Scale }, SeededOrgs.Day, clock);
        var server = await HubSpotContractServer.StartAsync(portal, options);
        return new HubSpotWorkspace(server, clock);
    }

    /// <summary>Moves the portal's clock (its edits' hs_lastmodifieddate) to <paramref name="now"/>.</summary>
    public void PortalAt(DateTimeOffset now) => _portalClock.Now = now;

    /// <summary>Runs the CLI with its clock and the portal's at <paramref name="now"/>.</summary>
    public (int Code, string Output) InvokeAt(DateTimeOffset now, params string[] args)
    {
        _portalClock.Now = now;
        return CliRun.InvokeAt(now, args);
    }

    /// <summary>Runs the CLI at <see cref="CliRun.Now"/>.</summary>
    public (int Code, string Output) Invoke(params string[] args) => InvokeAt(CliRun.Now, args);

    /// <summary>Writes pipeline.yaml for the HubSpot source (plus <paramref name="extra"/> under source.hubspot) into <paramref name="folder"/> (default: the workspace's) and returns its path; data/ lies beside it.</summary>
    public string HubSpotConfig(string extra = "", string? folder = null)
    {
        var path = Path.Combine(folder ?? _dir.Path, "pipeline.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var indented = string.Join("\n", extra.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l));
        File.WriteAllText(path, $"""
            source:
              kind: hubspot
              hubspot:
                base_url: {Server.BaseUrl.GetLeftPart(UriPartial.Authority)}
                token_variable: {_tokenVariable}
                search_requests_per_second: 5
                retry:
                  attempts: 4
                  initial_delay_seconds: 0
                  max_delay_seconds: 1
            {indented}
            transform:
              models: {TestWarehouse.TransformsFolder}
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenVariable, null);
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
