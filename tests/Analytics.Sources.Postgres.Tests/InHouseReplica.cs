using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Sources.Demo;
using Analytics.Sources.Postgres.Configuration;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Postgres;
using Analytics.TestSupport.Postgres.InHouseCrm;
using DuckDB.NET.Data;
using Npgsql;

namespace Analytics.Sources.Postgres.Tests;

/// <summary>
/// A fresh database on the shared server holding the in-house CRM schema, seeded from the demo CRM (seed 42) as of
/// <see cref="Day"/>, read through docs/examples/postgres-in-house-crm.yaml; with a lake folder to extract into.
/// </summary>
internal sealed class InHouseReplica : IDisposable
{
    public static readonly DateOnly Day = new(2026, 11, 21);

    private readonly TempDirectory _dir = new();

    private InHouseReplica(string connectionString, IReadOnlyDictionary<string, long> seeded)
    {
        ConnectionString = connectionString;
        Seeded = seeded;
    }

    public string ConnectionString { get; }

    /// <summary>Rows seeded per entity.</summary>
    public IReadOnlyDictionary<string, long> Seeded { get; }

    public LakeLayout Lake => new(_dir.Combine("lake"));

    /// <summary>The environment the source reads: the example's variable holds this database's connection string.</summary>
    public Func<string, string?> Environment => name => name == InHouseCrmExample.Variable ? ConnectionString : null;

    public static async Task<InHouseReplica> CreateAsync(PostgresServer server, double scale = 0.02)
    {
        var database = await server.CreateDatabaseAsync();
        var seeded = await InHouseCrmSeeder.SeedFromDemoAsync(database, new DemoCrmOptions { Seed = 42, Scale = scale }, Day);
        return new InHouseReplica(database, seeded);
    }

    /// <summary>The pipeline configuration of the example, with <paramref name="replace"/> applied to its text (old → new).</summary>
    public PipelineConfig Config(params (string Old, string New)[] replace)
    {
        var yaml = InHouseCrmExample.SourceYaml();
        foreach (var (old, replacement) in replace)
        {
            Assert.Contains(old, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(old, replacement, StringComparison.Ordinal);
        }

        yaml += $"""

            paths:
              lake: {Lake.Root}
              runs: {_dir.Combine("runs")}
            extract:
              quarantine_threshold: 0.5
            """;
        return PipelineConfigLoader.Parse(yaml, _dir.Combine("pipeline.yaml"), PostgresSourceConfigSection.Instance);
    }

    /// <summary>A source over this replica, configured by <paramref name="config"/>.</summary>
    public PostgresSource Source(PipelineConfig config) => new(config.Source.Postgres, config.Extract.MaxTextLength, Environment);

    /// <summary>Extracts and lands the snapshot of <see cref="Day"/>.</summary>
    public SnapshotManifest Extract(PipelineConfig config, IProgress<string>? progress = null) =>
        new ExtractRunner(config, Source(config), TimeProvider.System).Extract(Day, progress);

    /// <summary>Runs SQL on the replica in its own session (committed when it returns).</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of <paramref name="sql"/> over the landed entity's Parquet (as table <c>rows</c>), as texts.</summary>
    public List<string?> Landed(string entity, string sql)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        var file = Path.Combine(Lake.RawPartition(entity, Day), LakeLayout.DataFileName).Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"with rows as (select * from read_parquet('{file}')) {sql}";
        using var reader = command.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    public void Dispose() => _dir.Dispose();
}
