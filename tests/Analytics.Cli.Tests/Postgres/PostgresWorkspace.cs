using Analytics.Cli.Tests.Salesforce;
using Analytics.Sources.Demo;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Postgres.InHouseCrm;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Postgres;

/// <summary>
/// A pipeline folder whose pipeline.yaml is docs/examples/postgres-in-house-crm.yaml over a fresh database holding the
/// demo CRM of <see cref="SeededOrgs.Day"/> (seed and scale of the Salesforce tests) in the in-house schema; the
/// connection string is in an environment variable named for this workspace alone.
/// </summary>
internal sealed class PostgresWorkspace : IDisposable
{
    private readonly TempDirectory _dir = new();

    private PostgresWorkspace(string connectionString)
    {
        ConnectionString = connectionString;
        Variable = "ANALYTICS_TEST_PG_" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        Environment.SetEnvironmentVariable(Variable, connectionString);
    }

    public string ConnectionString { get; }

    public string Variable { get; }

    public string Lake => _dir.Combine("data", "lake");

    public string Warehouse => _dir.Combine("data", "warehouse", "analytics.duckdb");

    public static async Task<PostgresWorkspace> StartAsync(PostgresServerFixture server, double scale = SeededOrgs.Scale)
    {
        var database = await server.CreateDatabaseAsync();
        await InHouseCrmSeeder.SeedFromDemoAsync(database, new DemoCrmOptions { Seed = SeededOrgs.Seed, Scale = scale }, SeededOrgs.Day);
        return new PostgresWorkspace(database);
    }

    /// <summary>Points the variable at another connection string (another user, a wrong password).</summary>
    public void Connect(string connectionString) => Environment.SetEnvironmentVariable(Variable, connectionString);

    /// <summary>Writes pipeline.yaml (the example, with <paramref name="replace"/> applied: old → new) and returns its path.</summary>
    public string Config(params (string Old, string New)[] replace)
    {
        var yaml = InHouseCrmExample.SourceYaml(Variable);
        foreach (var (old, replacement) in replace)
        {
            Assert.Contains(old, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(old, replacement, StringComparison.Ordinal);
        }

        var path = _dir.Combine("pipeline.yaml");
        File.WriteAllText(path, yaml + $"""

            transform:
              models: {TestWarehouse.TransformsFolder}
            """);
        return path;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _dir.Dispose();
    }
}
