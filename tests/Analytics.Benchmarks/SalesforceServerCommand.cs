using System.Globalization;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Benchmarks;

/// <summary>
/// Runs the Salesforce contract server standalone until Ctrl+C (or SIGTERM), over an org seeded by
/// <see cref="SalesforceServerSeeding.SeedAsync"/>: for trying `analytics source check` by hand and for the extraction
/// benchmark. Options: --port N (default 0: a free port), --batch-size N (REST records per page, default 2000),
/// --bulk-page-size N (Bulk records per CSV page, default 50000), --allowance N (daily API allowance, default 100000);
/// the seeding reads its own options from the same arguments.
/// </summary>
internal static class SalesforceServerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ContractServerOptions
        {
            Port = BenchmarkArguments.Int(args, "--port", 0),
            QueryBatchSize = BenchmarkArguments.Int(args, "--batch-size", 2000),
            BulkPageSize = BenchmarkArguments.Int(args, "--bulk-page-size", 50_000),
            ApiAllowance = long.Parse(BenchmarkArguments.Value(args, "--allowance") ?? "100000", CultureInfo.InvariantCulture),
        };
        var org = new SalesforceOrg(TimeProvider.System);
        Console.WriteLine("seeding the org…");
        await SalesforceServerSeeding.SeedAsync(org, args);
        foreach (var type in org.Types)
        {
            Console.WriteLine($"  {type,-28} {org.Count(type),12:N0} rows");
        }

        await using var server = await SalesforceContractServer.StartAsync(org, options);

        Console.WriteLine($"Salesforce contract server at {server.BaseUrl} (login and instance URL)");
        Console.WriteLine($"  jwt_bearer: consumer_key {server.ConsumerKey}, username {server.Username}, private key file {server.PrivateKeyPemPath}");
        Console.WriteLine($"  client_credentials: client id {server.ClientId}, secret {server.ClientSecret} (a test server's, not a real secret)");
        await StopSignal.WaitAsync();
        Console.WriteLine($"stopping after {server.Requests.Count:N0} requests");
        return 0;
    }
}
