using System.Globalization;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Warehouse;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Configuration;
using Analytics.Sources.Salesforce.Mapping;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Lakes;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests.Fixtures;

/// <summary>A tiny org on a contract server, a clock, a state folder, and extraction into a lake whose rows tests compare.</summary>
internal sealed class SalesforceHarness : IAsyncDisposable
{
    public const string KeyVariable = "SF_TEST_PRIVATE_KEY_FILE";

    private int _runs;

    private SalesforceHarness(TestClock clock, SalesforceOrg org, SalesforceContractServer server, TempDirectory temp)
    {
        Clock = clock;
        Org = org;
        Server = server;
        Temp = temp;
    }

    public TestClock Clock { get; }

    public SalesforceOrg Org { get; }

    public SalesforceContractServer Server { get; }

    public TempDirectory Temp { get; }

    public List<string> Progress { get; } = [];

    public string StateFolder => Temp.Combine("state");

    public static async Task<SalesforceHarness> StartAsync(bool seed = true, ContractServerOptions? options = null, Action<SalesforceOrg>? define = null)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var org = new SalesforceOrg(clock);
        (define ?? (o => PrmOrg.DefineAll(o)))(org);
        if (seed)
        {
            PrmOrg.Seed(org);
        }

        var server = await SalesforceContractServer.StartAsync(org, options);
        return new SalesforceHarness(clock, org, server, new TempDirectory());
    }

    public Func<string, string?> Environment => name => name == KeyVariable ? Server.PrivateKeyPemPath : null;

    public SalesforceSourceConfig Config(long bulkThreshold = 50_000, SalesforceMapping? mapping = null, string? stateFolder = null) => new(
        new SalesforceConnection(Server.BaseUrl, "66.0", new SalesforceAuth(SalesforceAuthFlow.JwtBearer, Server.ConsumerKey, Server.Username, KeyVariable, null, null))
        {
            Retry = new Pipelines.Resilience.RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
            BulkPollInterval = TimeSpan.FromMilliseconds(1),
        },
        stateFolder ?? StateFolder,
        bulkThreshold,
        TimeSpan.FromMinutes(10),
        mapping ?? SalesforceMapping.Default);

    public SalesforceSource Source(SalesforceSourceConfig? config = null) =>
        new(config ?? Config(), 10_000, Clock, null, Environment);

    /// <summary>Extracts <paramref name="date"/> with <paramref name="source"/> and lands it into a lake of its own; returns its rows.</summary>
    public async Task<Landed> ExtractAsync(DateOnly date, SalesforceSource? source = null)
    {
        source ??= Source();
        var run = Interlocked.Increment(ref _runs);
        var lake = new LakeLayout(Temp.Combine($"lake-{run}"));
        using var staging = new SnapshotStaging(Temp.Combine($"spill-{run}"));
        var progress = new SyncProgress(Progress);
        await source.ExtractAsync(date, staging, progress, CancellationToken.None);
        var manifest = new SnapshotPublisher(lake).Publish(staging, date, source.Description, $"run{run}", DateTime.UtcNow);
        return Landed.Read(lake, date, manifest);
    }

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
