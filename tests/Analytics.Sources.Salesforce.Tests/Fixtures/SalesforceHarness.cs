using System.Globalization;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Warehouse;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Configuration;
using Analytics.Sources.Salesforce.Mapping;
using Analytics.TestSupport.Files;
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

/// <summary>A landed snapshot's rows per entity (each row its values joined by |, in primary-key order) and quarantine lines.</summary>
internal sealed record Landed(SnapshotManifest Manifest, IReadOnlyDictionary<string, IReadOnlyList<string>> Rows, IReadOnlyDictionary<string, IReadOnlyList<string>> Quarantine)
{
    public static Landed Read(LakeLayout lake, DateOnly date, SnapshotManifest manifest)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        var quarantine = new Dictionary<string, IReadOnlyList<string>>();
        using var duck = DuckDbFile.OpenInMemory();
        foreach (var entity in CrmSchema.Entities)
        {
            rows[entity.Name] = Query(duck, $"select * from read_parquet('{Path.Combine(lake.RawPartition(entity.Name, date), LakeLayout.DataFileName)}', hive_partitioning = false)");
            var q = Path.Combine(lake.QuarantinePartition(entity.Name, date), "quarantine.parquet");
            quarantine[entity.Name] = File.Exists(q) ? Query(duck, $"select file, line, field, value, reason from read_parquet('{q}', hive_partitioning = false)") : [];
        }

        return new Landed(manifest, rows, quarantine);
    }

    private static List<string> Query(DuckDB.NET.Data.DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return result;
    }
}
