using Analytics.Cli.Dictionary;

namespace Analytics.Cli.Tests.Dictionary;

public sealed class DictionaryDiffTests : IDisposable
{
    private readonly HandBuiltWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void The_same_page_has_no_difference()
    {
        var page = _warehouse.Page();

        Assert.Null(DictionaryDiff.Compare(page, page));
    }

    [Fact]
    public void A_changed_column_is_named_with_its_table_and_the_first_differing_line()
    {
        var catalog = _warehouse.Page();
        var file = catalog.Replace("| `partners` | BIGINT | How many. |", "| `partners` | BIGINT | How many partners. |", StringComparison.Ordinal);

        var diff = DictionaryDiff.Compare(file, catalog)!;

        Assert.Equal("`intermediate.tiers`: columns partners (changed)", Assert.Single(diff.Summary));
        Assert.Equal("| `partners` | BIGINT | How many partners. |", diff.FileLine);
        Assert.Equal("| `partners` | BIGINT | How many. |", diff.CatalogLine);
        Assert.Equal(catalog[..catalog.IndexOf("| `partners` | BIGINT | How many. |", StringComparison.Ordinal)].Count(c => c == '\n') + 1, diff.Line);
    }

    [Fact]
    public void Tables_and_columns_only_on_one_side_and_other_changes_are_each_named()
    {
        var catalog = _warehouse.Page();
        var file = catalog
            .Replace("| `tier` | VARCHAR | The tier. |\n| `partners` | BIGINT | How many, as `a\\|b` says. |", "| `tier` | VARCHAR | The tier. |\n| `old` | INTEGER | Gone. |", StringComparison.Ordinal)
            .Replace("- **Grain:** one row per partner\n", "- **Grain:** one row per partner ever\n", StringComparison.Ordinal)
            .Replace("# The warehouse data dictionary", "# The data dictionary", StringComparison.Ordinal)
            + "\n### `marts.retired`\n\nA table no longer built.\n";

        var summary = DictionaryDiff.Compare(file, catalog)!.Summary;

        Assert.Equal(
        [
            "the header, the contents or a schema's paragraph",
            "`marts.tier_mix`: columns partners (only in the catalog), old (only in the file)",
            "`lake.partners`: its description, lineage or data tests",
            "`marts.retired`: only in the file (no longer in the catalog)",
        ], summary);
    }
}
