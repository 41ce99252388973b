using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Resilience;
using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Mapping;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.HubSpot;
using Analytics.TestSupport.Lakes;

namespace Analytics.Sources.HubSpot.Tests.Fixtures;

/// <summary>A portal on a contract server, its clock, a state folder, and extraction into a lake whose rows tests compare.</summary>
internal sealed class HubSpotHarness : IAsyncDisposable
{
    public const string TokenVariable = "HS_TEST_TOKEN";

    private int _runs;

    private HubSpotHarness(ManualClock portalClock, HubSpotContractServer server, TempDirectory temp)
    {
        PortalClock = portalClock;
        Server = server;
        Temp = temp;
    }

    /// <summary>The portal's clock: its records' hs_lastmodifieddate.</summary>
    public ManualClock PortalClock { get; }

    public HubSpotContractServer Server { get; }

    public HubSpotPortal Portal => Server.Portal;

    public TempDirectory Temp { get; }

    public List<string> Progress { get; } = [];

    public string StateFolder => Temp.Combine("state");

    /// <summary>The clock of the last extraction (its waits).</summary>
    public InstantWaitClock? LastClock { get; private set; }

    /// <summary>A harness over <see cref="PartnerPortal"/> (or <paramref name="portal"/>) at 2026-03-02 09:00 UTC.</summary>
    public static async Task<HubSpotHarness> StartAsync(Func<TimeProvider, HubSpotPortal>? portal = null, HubSpotContractServerOptions? options = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var server = await HubSpotContractServer.StartAsync((portal ?? PartnerPortal.Create)(clock), options);
        return new HubSpotHarness(clock, server, new TempDirectory());
    }

    public Func<string, string?> Environment => name => name == TokenVariable ? Server.Token : null;

    public HubSpotConnection Connection(string? prefix = null) => new(Server.BaseUrl, TokenVariable)
    {
        ApiPrefix = prefix ?? HubSpotConnection.V3Prefix,
        Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
        SearchInterval = TimeSpan.FromMilliseconds(1),
        SearchCap = Server.Options.SearchCap,
    };

    public HubSpotSourceConfig Config(string? stateFolder = null, HubSpotConnection? connection = null, PartnerRule? partners = null, IReadOnlyDictionary<string, PipelineOverride>? pipelines = null, HubSpotMapping? mapping = null) => new(
        connection ?? Connection(),
        stateFolder ?? StateFolder,
        TimeSpan.FromMinutes(10),
        partners ?? new PartnerRule("partner_type", false),
        AttributionSettings.Default,
        pipelines ?? new Dictionary<string, PipelineOverride>(),
        mapping ?? HubSpotMapping.Default);

    /// <summary>Extracts <paramref name="date"/> at the portal clock's now and lands it into a lake of its own; returns its rows.</summary>
    public async Task<Landed> ExtractAsync(DateOnly date, HubSpotSourceConfig? config = null)
    {
        LastClock = new InstantWaitClock(PortalClock.GetUtcNow());
        var source = new HubSpotSource(config ?? Config(), 10_000, LastClock, null, Environment);
        var run = Interlocked.Increment(ref _runs);
        var lake = new LakeLayout(Temp.Combine($"lake-{run}"));
        using var staging = new SnapshotStaging(Temp.Combine($"spill-{run}"));
        await source.ExtractAsync(date, staging, new SyncProgress(Progress), CancellationToken.None);
        var manifest = new SnapshotPublisher(lake).Publish(staging, date, source.Description, $"run{run}", DateTime.UtcNow);
        return Landed.Read(lake, date, manifest);
    }

    public HubSpotClient Client(HubSpotConnection? connection = null, TimeProvider? clock = null) =>
        new(connection ?? Connection(), clock ?? (LastClock = new InstantWaitClock(PortalClock.GetUtcNow())), new SyncProgress(Progress), null, Environment);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Temp.Dispose();
    }

    private sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
