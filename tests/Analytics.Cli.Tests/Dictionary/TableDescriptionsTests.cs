using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Transforms;
using Analytics.Pipelines.Warehouse;
using Analytics.Reports.Qbr;
using Analytics.TestSupport.Pdf;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Dictionary;

/// <summary>
/// The descriptions in pipelines/transforms/tables/ (<see cref="TableDescriptions"/>) against a warehouse that
/// `analytics run` built (extract, transform, score, reports, emails, record): every described table exists with exactly
/// the columns its YAML describes, and every table the code creates is described.
/// </summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class TableDescriptionsTests(ThreeMonthLake lake)
{
    /// <summary>The schemas whose tables and views the pipeline's code writes (SQL models write the others).</summary>
    private static readonly string[] CodeSchemas = ["catalog", "config", "lake", "scores"];

    [Fact]
    public void Every_described_table_exists_with_exactly_the_columns_its_yaml_describes()
    {
        var actual = Columns();
        var tables = TableDescriptions.All.Values.Where(t => !t.Name.StartsWith(TableDescriptions.Templates + ".", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(tables);
        Assert.Empty(tables.Where(t => !actual.Contains(t.Name)).Select(t => t.Name));
        foreach (var table in tables)
        {
            var described = table.Columns.Select(c => c.Name).ToList();
            if (table.Name.StartsWith(TransformProject.LakeSchema + ".", StringComparison.Ordinal))
            {
                // A lake view's canonical columns take their meaning from the staging model's YAML; its own YAML adds the rest.
                var entity = CrmSchema.Entities.Single(e => table.Name == $"lake.{e.Name}" || table.Name == $"lake.{e.Name}{LakeViews.SnapshotsSuffix}");
                described = [.. entity.Columns.Select(c => c.Name), .. described];
                Assert.Equal(described.Order(StringComparer.Ordinal), actual[table.Name].Order(StringComparer.Ordinal));
            }
            else
            {
                Assert.Equal(described, actual[table.Name]);
            }
        }
    }

    [Fact]
    public void Every_table_the_code_creates_is_described()
    {
        var created = Columns().Select(g => g.Key).Where(t => CodeSchemas.Contains(Cli.Dictionary.WarehouseDictionary.SchemaOf(t))).ToList();

        Assert.Contains("scores.stalled_deals", created);
        Assert.Contains("catalog.deliveries", created);
        Assert.All(created, table => Assert.True(TableDescriptions.All.ContainsKey(table), $"{table} has no pipelines/transforms/tables/ YAML"));
    }

    [Fact]
    public void The_catalog_records_every_table_with_its_yaml_description_and_every_metric_the_qbr_appendix_prints()
    {
        using var connection = DuckDbFile.Open(lake.Warehouse, readOnly: true);
        var models = WarehouseSql.Query(connection, "select model_name, description, grain from catalog.models", r => (r.GetString(0), r.GetString(1), r.GetString(2)))
            .ToDictionary(m => m.Item1, StringComparer.Ordinal);
        var metrics = WarehouseSql.Query(connection, "select metric_name from catalog.metrics", r => r.GetString(0));

        Assert.Equal(TableDescriptions.Of("scores.forecast").Description, models["scores.forecast"].Item2);
        Assert.StartsWith(TableDescriptions.Of("config.tiers").Description + " " + CatalogTables.BuildSettingsMarker, models["config.tiers"].Item2, StringComparison.Ordinal);
        Assert.StartsWith("staging.partners as of any landed snapshot", models["staging.partners_as_of"].Item2, StringComparison.Ordinal);
        Assert.Equal(TableDescriptions.Of("catalog.runs").Grain, models["catalog.runs"].Item3);
        Assert.Empty(ProgramQbrPack.AppendixMetrics.Except(metrics));
    }

    [Fact]
    public void The_program_packs_appendix_prints_every_metric_of_the_yaml_it_names()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var pack = lake.Directory.Combine("data", "reports", "qbr", "2026-Q2", "program-qbr-2026-Q2.pdf");
        var text = Words(Analytics.TestSupport.Pdf.PdfFile.TextOf(pack));
        var metrics = TransformProject.Load(TestWarehouse.TransformsFolder).Models.SelectMany(m => m.Metrics)
            .Concat(TableDescriptions.All.Values.SelectMany(t => t.Metrics)).ToDictionary(m => m.Name, StringComparer.Ordinal);

        foreach (var name in ProgramQbrPack.AppendixMetrics)
        {
            var metric = metrics[name];
            // Only the warehouse columns of 'see': documents (docs/models.md) are not for the pack's readers.
            var columns = metric.See.Where(s => !s.Contains('/', StringComparison.Ordinal) && !s.EndsWith(".md", StringComparison.Ordinal)).ToList();
            Assert.Contains(Words(columns.Count == 0 ? $"{metric.Label} {metric.Definition}"
                : $"{metric.Label} {metric.Definition} Warehouse columns: {string.Join(", ", columns)}."), text, StringComparison.Ordinal);
            var warehouse = Columns();
            Assert.All(columns, c => Assert.Contains(c[(c.LastIndexOf('.') + 1)..], warehouse[c[..c.LastIndexOf('.')]]));
            Assert.DoesNotContain("docs/", Words($"{metric.Definition}"), StringComparison.Ordinal);
        }
    }

    /// <summary>Text with its line breaks and runs of spaces made single spaces, as a paragraph wrapped across lines reads.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Every table's and view's columns in the warehouse, in order.</summary>
    private ILookup<string, string> Columns()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        using var connection = DuckDbFile.Open(lake.Warehouse, readOnly: true);
        return WarehouseSql.Query(connection,
                """
                select schema_name || '.' || table_name, column_name from duckdb_columns()
                where database_name = current_database() and not internal order by schema_name, table_name, column_index
                """,
                r => (Table: r.GetString(0), Column: r.GetString(1)))
            .ToLookup(c => c.Table, c => c.Column, StringComparer.Ordinal);
    }
}
