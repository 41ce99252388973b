using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Configuration;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Models.Tests.Tiers;

/// <summary>
/// <see cref="TierReadinessDataset"/> built twice by the real transform: as of the first snapshot only, and with both
/// snapshots (as of the second). <see cref="OpenScoringBuild"/> gives a read-write copy, as the scoring stage works on.
/// </summary>
public sealed class TierReadinessFixture : IDisposable
{
    private readonly TempDirectory _copies = new();

    public TestWarehouse AsOfFirst { get; } = TestWarehouse.Build(
        [(TierReadinessDataset.FirstSnapshot, TierReadinessDataset.Records(TierReadinessDataset.FirstSnapshot))], tiers: TierReadinessDataset.Tiers);

    public TestWarehouse AsOfSecond { get; } = TestWarehouse.Build(
        [
            (TierReadinessDataset.FirstSnapshot, TierReadinessDataset.Records(TierReadinessDataset.FirstSnapshot)),
            (TierReadinessDataset.SecondSnapshot, TierReadinessDataset.Records(TierReadinessDataset.SecondSnapshot)),
        ],
        tiers: TierReadinessDataset.Tiers);

    /// <summary>A read-write copy of <paramref name="warehouse"/>, opened.</summary>
    public DuckDBConnection OpenScoringBuild(TestWarehouse warehouse)
    {
        var copy = _copies.Combine(Guid.NewGuid().ToString("N") + ".duckdb");
        File.Copy(warehouse.Path, copy);
        var connection = DuckDbFile.Open(copy);
        return connection;
    }

    /// <summary>A scoring context over <paramref name="connection"/> with the default configuration.</summary>
    public ScoringContext Context(DuckDBConnection connection, DateOnly snapshot) => new(
        connection, PipelineConfigLoader.Parse("", _copies.Combine("pipeline.yaml")), snapshot, "run-test",
        new DateTime(2026, 10, 8, 6, 0, 0, DateTimeKind.Utc), new ModelStore(_copies.Combine("models")));

    public void Dispose()
    {
        AsOfFirst.Dispose();
        AsOfSecond.Dispose();
        _copies.Dispose();
    }
}
