using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms;

/// <summary>The catalog describes every table and view of a build, down to each column, and DuckDB's comments say the same.</summary>
public sealed class WarehouseCatalogTests
{
    private static readonly DateOnly June = new(2026, 6, 30);

    [Fact]
    public void Every_table_and_view_of_the_build_is_described_with_every_column()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        Assert.Empty(WarehouseQuery.Rows<string>(project.Warehouse, """
            with objects as (
                select schema_name || '.' || table_name as name from duckdb_tables() where not internal
                union all select schema_name || '.' || view_name from duckdb_views() where not internal
            )
            select name from objects where name not in (select model_name from catalog.models)
            """));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(project.Warehouse, "select count(*) from catalog.models where coalesce(description, '') = ''"));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(project.Warehouse, """
            select count(*) from duckdb_columns() as d
            left join catalog.columns as c on c.schema_name = d.schema_name and c.table_name = d.table_name and c.column_name = d.column_name
            where not d.internal and coalesce(c.description, '') = ''
            """));
        Assert.Equal("Every data test of the build", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select description[1:28] from catalog.models where model_name = 'catalog.tests'"));
    }

    [Fact]
    public void DuckDBs_comments_carry_the_descriptions_of_models_views_and_catalog_tables()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        Assert.Equal("Share of partners per tier.", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select comment from duckdb_tables() where schema_name = 'marts' and table_name = 'tier_mix'"));
        Assert.Equal("Share of all partners.", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select comment from duckdb_columns() where schema_name = 'marts' and table_name = 'tier_mix' and column_name = 'share'"));
        Assert.Equal("Snapshot.", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select comment from duckdb_columns() where schema_name = 'staging' and table_name = 'partners_as_of' and column_name = 'snapshot_date'"));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(project.Warehouse, "select count(*) from duckdb_columns() where not internal and comment is null"));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(project.Warehouse, "select count(*) from duckdb_tables() where comment is null"));
    }

    [Fact]
    public void The_metrics_of_the_models_yaml_and_of_the_tables_yaml_are_loaded_into_catalog_metrics()
    {
        using var project = new MiniProject();
        project.Write("marts/tier_mix.yml", File.ReadAllText(Path.Combine(project.Folder, "marts/tier_mix.yml")).TrimEnd() + "\n"
            + "    metrics:\n      - name: tier_share\n        label: \"Tier share\"\n        definition: \"Partners of the tier / all partners.\"\n"
            + "        see: [marts.tier_mix, docs/transforms.md]\n");
        project.Land(June, "registered", "elite");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        Assert.Equal("marts.tier_mix|Tier share|Partners of the tier / all partners.|marts.tier_mix, docs/transforms.md", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select concat_ws('|', model_name, label, definition, array_to_string(see, ', ')) from catalog.metrics where metric_name = 'tier_share'"));
        Assert.Equal(TableDescriptions.Of("scores.forecast").Metrics.Single().Definition, WarehouseQuery.Scalar<string>(project.Warehouse,
            "select definition from catalog.metrics where metric_name = 'forecast' and model_name = 'scores.forecast'"));
    }

    [Fact]
    public void A_failing_tests_rows_table_is_described_from_the_model_it_checks()
    {
        using var project = new MiniProject();
        project.Write("marts/tier_mix.yml", File.ReadAllText(Path.Combine(project.Folder, "marts/tier_mix.yml"))
            .Replace("where: \"share not between 0 and 1\"}", "where: \"share > 0.5\", severity: warn}", StringComparison.Ordinal));
        project.Land(June, "registered", "registered", "elite");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        Assert.Equal(["marts.tier_mix"], WarehouseQuery.List<string>(project.Warehouse,
            "select depends_on from catalog.models where model_name = 'test_failures.tier_mix_share_in_range' and layer = 'test_failures'"));
        Assert.Equal("Share of all partners.", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select description from catalog.columns where model_name = 'test_failures.tier_mix_share_in_range' and column_name = 'share'"));
    }

    [Fact]
    public void Tests_without_a_yaml_description_state_their_rule()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        var rules = WarehouseQuery.Rows<(string Name, string Description)>(project.Warehouse, "select test_name, description from catalog.tests")
            .ToDictionary(t => t.Name, t => t.Description);
        Assert.Equal("tier is one of: registered, select, elite (or null).", rules["accepted_values_staging_partners_tier"]);
        Assert.Equal("partner_id is never null.", rules["not_null_staging_partners_partner_id"]);
        Assert.Equal("No two rows have the same partner_id.", rules["unique_staging_partners_partner_id"]);
        Assert.Equal("Share in range: no row matches `share not between 0 and 1`.", rules["tier_mix_share_in_range"]);
    }

    [Fact]
    public void Build_settings_follow_the_marker_the_data_dictionary_leaves_out()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        var description = WarehouseQuery.Scalar<string>(project.Warehouse, "select description from catalog.models where model_name = 'config.tier_criteria'");
        var settings = description[description.IndexOf(CatalogTables.BuildSettingsMarker, StringComparison.Ordinal)..];
        Assert.Contains("rolling_4q_credited_arr >= 150000", settings, StringComparison.Ordinal);
    }
}
