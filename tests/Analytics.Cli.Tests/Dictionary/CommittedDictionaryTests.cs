using Analytics.Pipelines.Warehouse;
using Analytics.Cli.Dictionary;
using DuckDB.NET.Data;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Dictionary;

/// <summary>
/// docs/warehouse.md matches the catalog: the dictionary generated from a warehouse that `analytics run` built is the
/// committed file, byte for byte. The page holds definitions only, so the three-month demo's warehouse gives the same
/// page as the full demo's.
/// </summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class CommittedDictionaryTests(ThreeMonthLake lake)
{
    [Fact]
    public void The_committed_docs_warehouse_md_matches_the_catalog()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var committed = Path.Combine(RepositoryFolder.Root, "docs", "warehouse.md");
        Assert.True(File.Exists(committed), $"{committed} is missing: run `analytics docs` (see README).");

        string generated;
        using (var connection = DuckDbFile.Open(lake.Warehouse, readOnly: true))
        {
            generated = DictionaryMarkdown.Render(WarehouseDictionary.Read(connection));
        }

        var diff = DictionaryDiff.Compare(File.ReadAllText(committed), generated);
        Assert.True(diff is null, diff is null ? null :
            $"docs/warehouse.md is out of date with the catalog: run `analytics docs` (see README). First difference at line {diff.Line}:\n" +
            $"  file:    {diff.FileLine ?? "(end of file)"}\n  catalog: {diff.CatalogLine ?? "(end of page)"}\n" +
            string.Join("\n", diff.Summary.Select(s => "  - " + s)));
        Assert.Empty(DictionaryMarkdownTests.BrokenAnchors(generated));
    }

    [Fact]
    public void Docs_check_passes_on_the_committed_file()
    {
        var (code, output) = CliRun.Invoke("docs", "--config", lake.Config, "--check", "--output", Path.Combine(RepositoryFolder.Root, "docs", "warehouse.md"));

        Assert.True(code == ExitCodes.Success, output);
    }

    [Fact]
    public void Every_table_and_column_of_the_dictionary_is_described()
    {
        using var connection = DuckDbFile.Open(lake.Warehouse, readOnly: true);

        var dictionary = WarehouseDictionary.Read(connection);

        Assert.Empty(dictionary.Tables.Where(t => t.Description is null || t.Grain is null).Select(t => t.Name));
        Assert.Empty(dictionary.Tables.SelectMany(t => t.Columns.Where(c => c.Description is null).Select(c => $"{t.Name}.{c.Name}")));
        Assert.Empty(dictionary.Tables.SelectMany(t => t.Tests.Where(c => string.IsNullOrEmpty(c.Description)).Select(c => c.Name)));
    }
}
