using Analytics.TestSupport.Files;
using Analytics.Pipelines.Warehouse;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Analytics.Cli.Tests;

/// <summary>What the README tells analysts about other DuckDB clients holds for a warehouse and lake built by <c>analytics run</c>.</summary>
[Collection(ThreeMonthLake.Collection)]
public sealed partial class ReadmeInteropTests(ThreeMonthLake lake)
{
    private static readonly string Readme = File.ReadAllText(RepositoryFolder.Combine("README.md"));

    [Fact]
    public void The_warehouse_has_the_storage_version_the_readme_states()
    {
        var stated = StorageVersion().Match(Readme);
        Assert.True(stated.Success, "README: no 'DuckDB tags it `v…`' sentence");
        using var connection = DuckDbFile.Open(lake.Warehouse, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "select tags['storage_version'] from duckdb_databases() where database_name = current_database()";

        Assert.Equal(stated.Groups[1].Value, Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_readmes_lake_queries_run_on_a_landed_lake()
    {
        var block = LakeQueries().Match(Readme);
        Assert.True(block.Success, "README: no ```sql block of read_parquet queries");
        var statements = block.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Contains("read_parquet", StringComparison.Ordinal) && !s.Contains("quarantine", StringComparison.Ordinal))
            .ToList();
        Assert.True(statements.Count >= 2);
        using var connection = DuckDbFile.OpenInMemory();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement
                .Replace("'data/lake/", $"'{lake.Directory.Combine("data", "lake")}/", StringComparison.Ordinal)
                .Replace("date '2026-11-21'", "date '2026-09-30'", StringComparison.Ordinal);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read(), $"no rows from: {statement}");
        }
    }

    [GeneratedRegex(@"DuckDB tags it `(v[0-9.]+\+)`")]
    private static partial Regex StorageVersion();

    [GeneratedRegex(@"```sql\n(.*?read_parquet.*?)```", RegexOptions.Singleline)]
    private static partial Regex LakeQueries();
}
