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

    private SalesforceWorkspace(SalesforceContractServer server)
    {
        Server = server;
        Environment.SetEnvironmentVariable(_keyVariable, server.PrivateKeyPemPath);
    }

    public SalesforceContractServer Server { get; }

    public string Lake => _dir.Combine("data", "lake");

    public string Warehouse => _dir.Combine("data", "warehouse", "analytics.duckdb");

    /// <summary>A workspace over a new contract server on <paramref name="org"/> (small pages, so every read has several).</summary>
    public static async Task<SalesforceWorkspace> StartAsync(SalesforceOrg org, ContractServerOptions? options = null) =>
        new(await SalesforceContractServer.StartAsync(org, options ?? new ContractServerOptions { QueryBatchSize = 500, BulkPageSize = 2_000, BulkPollsToComplete = 1 }));

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
                bulk_threshold: 1000
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
