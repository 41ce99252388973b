using Analytics.Pipelines.Warehouse;
using System.Text;
using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Transforms;
using Dapper;
using Analytics.TestSupport.Files;

namespace Analytics.TestSupport.Warehouses;

/// <summary>
/// A warehouse built by the real runner from the repository's pipelines/transforms over hand-built records landed as
/// a real lake snapshot, opened read-only for queries. Deleted on dispose.
/// </summary>
public sealed class TestWarehouse : IDisposable
{
    private readonly TempDirectory _directory;
    private readonly DuckDBConnection _connection;

    private TestWarehouse(TempDirectory directory, TransformResult result)
    {
        _directory = directory;
        Result = result;
        _connection = DuckDbFile.Open(result.WarehousePath, readOnly: true);
    }

    /// <summary>The repository's transforms folder.</summary>
    public static string TransformsFolder { get; } = System.IO.Path.Combine(RepositoryFolder.Root, "pipelines", "transforms");

    /// <summary>The build's outcome: per model and per test.</summary>
    public TransformResult Result { get; }

    /// <summary>The warehouse file.</summary>
    public string Path => Result.WarehousePath;

    /// <summary>
    /// Lands <paramref name="records"/> as the lake snapshot of <paramref name="snapshotDate"/>, runs the full transform
    /// (every model, with its data tests) and opens the warehouse read-only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed; the message lists failing models and tests.</exception>
    public static TestWarehouse Build(DateOnly snapshotDate, IEnumerable<ICrmRecord> records, int fiscalYearStartMonth = 1, TiersConfig? tiers = null,
        TargetsConfig? targets = null) =>
        Build([(snapshotDate, records)], fiscalYearStartMonth, tiers: tiers, targets: targets);

    /// <summary>Lands several snapshots and builds as of the last one (with <paramref name="tiers"/>, default: TiersConfig.Default).</summary>
    public static TestWarehouse Build(
        IEnumerable<(DateOnly Date, IEnumerable<ICrmRecord> Records)> snapshots, int fiscalYearStartMonth = 1, string? transformsFolder = null, TiersConfig? tiers = null,
        TargetsConfig? targets = null)
    {
        var directory = new TempDirectory();
        try
        {
            var lake = directory.Combine("lake");
            foreach (var (date, records) in snapshots)
            {
                TestLake.Land(lake, date, records);
            }

            var request = new TransformRequest(transformsFolder ?? TransformsFolder, lake, directory.Combine("warehouse", "analytics.duckdb"), directory.Combine("runs"), fiscalYearStartMonth)
            {
                Tiers = tiers ?? TiersConfig.Default,
                Targets = targets ?? TargetsConfig.None,
            };
            var result = new TransformRunner(TimeProvider.System).Run(request);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(Describe(result));
            }

            return new TestWarehouse(directory, result);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Rows of <paramref name="sql"/> (Dapper; parameters as <c>$name</c>).</summary>
    public IReadOnlyList<T> Query<T>(string sql, object? parameters = null) => _connection.Query<T>(sql, parameters).ToList();

    /// <summary>The single value of <paramref name="sql"/>.</summary>
    public T Scalar<T>(string sql, object? parameters = null) => _connection.ExecuteScalar<T>(sql, parameters)!;

    /// <summary>Failed models and tests of a build, with DuckDB's messages and sample failing rows.</summary>
    public static string Describe(TransformResult result)
    {
        var text = new StringBuilder("the transform failed:\n");
        foreach (var model in result.FailedModels)
        {
            text.AppendLine($"  model {model.Model.Name}: {model.Error}");
        }

        foreach (var test in result.FailedTests)
        {
            text.AppendLine($"  test {test.Test.Name} ({test.FailingRows} failing rows){(test.Error is null ? string.Empty : ": " + test.Error)}");
            foreach (var row in test.Sample)
            {
                text.AppendLine("    " + string.Join(", ", row.Select(kv => $"{kv.Key}={kv.Value ?? "null"}")));
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }
}
