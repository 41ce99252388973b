using System.Globalization;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Postgres;
using Analytics.TestSupport.Postgres.InHouseCrm;

namespace Analytics.Benchmarks;

/// <summary>
/// Runs a throw-away PostgreSQL 15 cluster until Ctrl+C (or SIGTERM) holding the in-house CRM schema seeded from the
/// demo CRM, for trying `analytics source check` and `analytics run` with docs/examples/postgres-in-house-crm.yaml by
/// hand. Options: --scale S (default 0.05), --date yyyy-MM-dd (default 2026-11-21). The cluster is deleted on stop.
/// </summary>
internal static class PostgresServerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = double.Parse(BenchmarkArguments.Value(args, "--scale") ?? "0.05", CultureInfo.InvariantCulture);
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var server = new PostgresServer();
        await server.InitializeAsync();
        try
        {
            var database = await server.CreateDatabaseAsync();
            var seeded = await InHouseCrmSeeder.SeedFromDemoAsync(database, new DemoCrmOptions { Seed = 42, Scale = scale }, date);
            foreach (var (entity, rows) in seeded)
            {
                Console.WriteLine($"  {entity,-22} {rows,12:N0} rows");
            }

            Console.WriteLine($"PostgreSQL 15 at 127.0.0.1:{server.Port}, the in-house CRM (schema crm) of the demo CRM (seed 42, scale {scale.ToString(CultureInfo.InvariantCulture)}) as of {date:yyyy-MM-dd}");
            Console.WriteLine($"  export {InHouseCrmExample.Variable}='{database}'");
            Console.WriteLine("Ctrl+C stops it and deletes the cluster.");
            await StopSignal.WaitAsync();
            return 0;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
