using Analytics.Pipelines.Warehouse;
using System.Text.RegularExpressions;
using Analytics.Cli.Dictionary;
using DuckDB.NET.Data;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Dictionary;

public sealed partial class DictionaryMarkdownTests : IDisposable
{
    private readonly HandBuiltWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Theory]
    [InlineData("marts.win_rates", "martswin_rates")]
    [InlineData("staging.partners_as_of", "stagingpartners_as_of")]
    [InlineData("catalog.run_steps", "catalogrun_steps")]
    public void TableAnchor_is_the_anchor_github_gives_the_tables_heading(string table, string anchor) =>
        Assert.Equal(anchor, DictionaryMarkdown.TableAnchor(table));

    [Fact]
    public void Every_link_within_the_page_leads_to_a_heading()
    {
        var page = _warehouse.Page();

        Assert.Empty(BrokenAnchors(page));
        Assert.Contains("### `marts.tier_mix`", page, StringComparison.Ordinal);
        Assert.Contains("[`marts.tier_mix`](#martstier_mix)", page, StringComparison.Ordinal);
        Assert.Contains("[Schema `marts`](#schema-marts)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Lineage_is_shown_both_ways_and_a_table_missing_from_the_warehouse_is_named_without_a_link()
    {
        var page = _warehouse.Page();

        Assert.Contains("- **Reads:** [`intermediate.tiers`](#intermediatetiers), `staging.gone`\n", Section(page, "marts.tier_mix"), StringComparison.Ordinal);
        Assert.Contains("- **Read by:** [`marts.tier_mix`](#martstier_mix)\n", Section(page, "intermediate.tiers"), StringComparison.Ordinal);
        Assert.Contains("- **Reads:** [`lake.partners`](#lakepartners)\n", Section(page, "intermediate.tiers"), StringComparison.Ordinal);
        Assert.Contains("- **Read by:** [`intermediate.tiers`](#intermediatetiers)\n", Section(page, "lake.partners"), StringComparison.Ordinal);
        Assert.Contains("- **Reads:** no table or view\n", Section(page, "lake.partners"), StringComparison.Ordinal);
        Assert.Contains("- **Kind:** view (computed when queried)\n", Section(page, "lake.partners"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipes_angle_brackets_and_asterisks_are_escaped_but_code_spans_keep_their_text()
    {
        var page = _warehouse.Page();

        Assert.Contains("| `tier` | VARCHAR | Text; one of: a \\| b. |", page, StringComparison.Ordinal);
        Assert.Contains("| `partners` | BIGINT | How many, as `a\\|b` says. |", page, StringComparison.Ordinal);
        Assert.Contains("The partners as landed, one `<entity>` of the lake.", page, StringComparison.Ordinal);
        Assert.Contains("Partners per tier. Counted \\*once\\*.", page, StringComparison.Ordinal);
        Assert.Contains("| `tier_mix_adds_up` |  | expression | warn | Partners add up: no row matches `partners \\| 0 < 0`. |", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_holds_definitions_only_never_data_test_results_or_build_settings()
    {
        var before = _warehouse.Page();
        using (var connection = _warehouse.Open())
        {
            WarehouseSql.Execute(connection, "insert into intermediate.tiers values ('elite', 7); update catalog.models set row_count = 99, run_id = 'run-2'");
            WarehouseSql.Execute(connection, "update catalog.tests set status = 'failed', failing_rows = 12");
        }

        var after = _warehouse.Page();

        Assert.Equal(before, after);
        Assert.DoesNotContain("run-1", after, StringComparison.Ordinal);
        Assert.DoesNotContain("warned", after, StringComparison.Ordinal);
        Assert.Contains("The tiers.\n", Section(after, "config.tiers"), StringComparison.Ordinal);
        Assert.DoesNotContain("This build used", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_rows_tables_are_not_listed_but_their_schema_is_explained()
    {
        var page = _warehouse.Page();

        Assert.DoesNotContain("tier_mix_broken", page, StringComparison.Ordinal);
        Assert.Contains("## Schema `test_failures`\n\nThe failing rows of data tests", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_come_in_reading_order_with_their_tables_by_name_and_tests_of_the_whole_table_first()
    {
        var page = _warehouse.Page();

        var headings = page.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## Contents", "## Schema `marts`", "## Schema `intermediate`", "## Schema `lake`", "## Schema `config`", "## Schema `catalog`", "## Schema `test_failures`"], headings);
        var tests = Section(page, "marts.tier_mix");
        Assert.True(tests.IndexOf("tier_mix_adds_up", StringComparison.Ordinal) < tests.IndexOf("not_null_marts_tier_mix_tier", StringComparison.Ordinal));
        Assert.Contains("| [`marts.tier_mix`](#martstier_mix) | The tier mix. | one row per tier |", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_without_a_catalog_is_refused_naming_what_is_missing()
    {
        using var directory = new Analytics.TestSupport.Files.TempDirectory();
        using var connection = DuckDbFile.Open(directory.Combine("other.duckdb"));

        var error = Assert.Throws<Analytics.Pipelines.Transforms.TransformRunException>(() => WarehouseDictionary.Read(connection));

        Assert.Contains("no catalog.columns, catalog.models, catalog.tests", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Links to anchors (<c>](#x)</c>) that no heading of <paramref name="page"/> has.</summary>
    internal static List<string> BrokenAnchors(string page)
    {
        var anchors = page.Split('\n').Where(l => l.StartsWith('#')).Select(l => MarkdownText.Anchor(l.TrimStart('#').Trim())).ToHashSet(StringComparer.Ordinal);
        return AnchorLink().Matches(page).Select(m => m.Groups[1].Value).Where(a => !anchors.Contains(a)).Distinct().ToList();
    }

    /// <summary>The section of <paramref name="table"/>: from its heading to the next.</summary>
    private static string Section(string page, string table)
    {
        var start = page.IndexOf($"### `{table}`\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {table}");
        var end = page.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    [GeneratedRegex(@"\]\(#([^)]+)\)")]
    private static partial Regex AnchorLink();
}
