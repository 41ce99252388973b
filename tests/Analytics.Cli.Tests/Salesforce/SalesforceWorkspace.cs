using System.Security.Cryptography;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Salesforce;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>
/// A pipeline folder whose pipeline.yaml reads a contract server with the JWT bearer flow; the private key's path is in
/// an environment variable named for this workspace alone, so tests running at once never see each other's.
/// </summary>
internal sealed class SalesforceWorkspace : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _keyVariable = "ANALYTICS_TEST_SF_KEY_" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private readonly SeededOrgs.SettableClock _orgClock;

    private SalesforceWorkspace(SalesforceContractServer server, SeededOrgs.SettableClock orgClock)
    {
        Server = server;
        _orgClock = orgClock;
        Environment.SetEnvironmentVariable(_keyVariable, server.PrivateKeyPemPath);
    }

    public SalesforceContractServer Server { get; }

    public string Lake => _dir.Combine("data", "lake");

    public string Warehouse => _dir.Combine("data", "warehouse", "analytics.duckdb");

    /// <summary>
    /// A workspace over a new contract server on a new org seeded from the demo CRM an hour before the night before's
    /// extract (small pages, so every read has several).
    /// </summary>
    public static async Task<SalesforceWorkspace> StartAsync(ContractServerOptions? options = null)
    {
        var (org, clock) = SeededOrgs.Demo(new DateTimeOffset(SeededOrgs.DayBefore.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero));
        var server = await SalesforceContractServer.StartAsync(org, options ?? new ContractServerOptions { QueryBatchSize = 500, BulkPageSize = 2_000, BulkPollsToComplete = 1 });
        return new SalesforceWorkspace(server, clock);
    }

    /// <summary>Runs the CLI with its clock and the org's at <paramref name="now"/>.</summary>
    public (int Code, string Output) InvokeAt(DateTimeOffset now, params string[] args)
    {
        _orgClock.Now = now;
        return CliRun.InvokeAt(now, args);
    }

    /// <summary>Runs the CLI with its clock and the org's at <see cref="CliRun.Now"/>.</summary>
    public (int Code, string Output) Invoke(params string[] args) => InvokeAt(CliRun.Now, args);

    /// <summary>Writes pipeline.yaml for the Salesforce source (plus <paramref name="extra"/> under source.salesforce) and returns its path.</summary>
    public string SalesforceConfig(string extra = "")
    {
        var path = _dir.Combine("pipeline.yaml");
        var indented = string.Join("\n", extra.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l));
        File.WriteAllText(path, $"""
            source:
              kind: salesforce
              salesforce:
                login_url: {Server.BaseUrl.GetLeftPart(UriPartial.Authority)}
                api_version: "66.0"
                auth:
                  flow: jwt_bearer
                  consumer_key: {Server.ConsumerKey}
                  username: {Server.Username}
                  private_key_file_variable: {_keyVariable}
            {(extra.Contains("bulk_threshold:", StringComparison.Ordinal) ? string.Empty : "    bulk_threshold: 1000")}
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

    /// <summary>SHA-256 of every file under the lake, by relative path: equal dictionaries mean a byte-identical lake.</summary>
    public IReadOnlyDictionary<string, string> LakeHashes() => Hashes(Lake);

    public static IReadOnlyDictionary<string, string> Hashes(string root) =>
        Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            : new Dictionary<string, string>();

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
