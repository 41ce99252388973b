using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Configuration;
using Analytics.Models.Configuration;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>A read-write copy of a test warehouse with a scoring context over it, deleted on dispose.</summary>
public sealed class ScoringBuild : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ScoringBuild(TestWarehouse warehouse, DateOnly snapshotDate, string configYaml = "")
    {
        var copy = _directory.Combine("scoring.duckdb");
        File.Copy(warehouse.Path, copy);
        Connection = DuckDbFile.Open(copy);
        var config = PipelineConfigLoader.Parse(configYaml, _directory.Combine("pipeline.yaml"), ModelsConfigExtensions.Sections);
        Context = new ScoringContext(Connection, config, snapshotDate, "test-run", new DateTime(2026, 5, 17, 6, 0, 0, DateTimeKind.Utc),
            new ModelStore(_directory.Combine("models")));
    }

    public DuckDBConnection Connection { get; }

    public ScoringContext Context { get; }

    public void Dispose()
    {
        Connection.Dispose();
        _directory.Dispose();
    }
}
