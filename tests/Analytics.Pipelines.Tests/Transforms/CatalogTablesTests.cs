using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;
using Dapper;

namespace Analytics.Pipelines.Tests.Transforms;

public sealed class CatalogTablesTests : IDisposable
{
    private static readonly ColumnDefinition[] Columns = [new("partner_id", "The partner."), new("rows", "A column named like a keyword.")];

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public CatalogTablesTests()
    {
        _connection.Open();
        _connection.Execute("create schema scores; create table scores.example (partner_id varchar, \"rows\" bigint); insert into scores.example values ('p1', 1), ('p2', 2)");
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Describe_records_the_table_and_every_column_creating_the_catalog_when_the_warehouse_has_none()
    {
        CatalogTables.Describe(_connection, new TableDescription("scores.example", "Examples.", "one row per partner", Columns, []), ["marts.tier_reviews"], "run-1");

        var model = _connection.QuerySingle<(string Layer, string Kind, string Grain, long Rows, string RunId, string Reads)>(
            "select layer, materialization, grain, row_count, run_id, array_to_string(depends_on, ',') from catalog.models where model_name = 'scores.example'");
        Assert.Equal(("scores", "table", "one row per partner", 2L, "run-1", "marts.tier_reviews"), model);
        Assert.Equal(["partner_id|1|VARCHAR|The partner.", "rows|2|BIGINT|A column named like a keyword."], _connection.Query<string>(
            "select concat_ws('|', column_name, ordinal, data_type, description) from catalog.columns where model_name = 'scores.example' order by ordinal"));
    }

    [Fact]
    public void Describe_copies_the_descriptions_into_duckdbs_comments()
    {
        CatalogTables.Describe(_connection, new TableDescription("scores.example", "Examples, with an 'apostrophe'.", "one row per partner", Columns, []), [], null);

        Assert.Equal("Examples, with an 'apostrophe'.", _connection.ExecuteScalar<string>(
            "select comment from duckdb_tables() where schema_name = 'scores' and table_name = 'example'"));
        Assert.Equal(["The partner.", "A column named like a keyword."], _connection.Query<string>(
            "select comment from duckdb_columns() where schema_name = 'scores' and table_name = 'example' order by column_index"));
    }

    [Fact]
    public void A_view_is_recorded_as_a_view_without_a_row_count()
    {
        _connection.Execute("create view scores.example_view as select partner_id from scores.example");

        CatalogTables.Describe(_connection, new TableDescription("scores.example_view", "A view.", "one row per partner", [new("partner_id", "The partner.")], []), ["scores.example"], null);

        var model = _connection.QuerySingle<(string Kind, long? Rows)>("select materialization, row_count from catalog.models where model_name = 'scores.example_view'");
        Assert.Equal(("view", null), model);
        Assert.Equal("A view.", _connection.ExecuteScalar<string>("select comment from duckdb_views() where view_name = 'example_view'"));
    }

    [Fact]
    public void Describing_again_replaces_the_earlier_record()
    {
        CatalogTables.Describe(_connection, new TableDescription("scores.example", "First.", "one row per partner", Columns, []), [], "run-1");
        CatalogTables.Describe(_connection, new TableDescription("scores.example", "Second.", "one row per partner", Columns, []), [], "run-2");

        Assert.Equal(["Second.|run-2"], _connection.Query<string>("select description || '|' || run_id from catalog.models"));
        Assert.Equal(2L, _connection.ExecuteScalar<long>("select count(*) from catalog.columns"));
    }

    [Fact]
    public void A_column_without_a_description_or_a_description_of_no_column_is_refused_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CatalogTables.Describe(_connection, new TableDescription("scores.example", "Examples.", "one row per partner", [new("partner_id", "The partner."), new("ghost", "Not there.")], []), [], null));

        Assert.Contains("columns without a description: [rows]", error.Message, StringComparison.Ordinal);
        Assert.Contains("descriptions of no column: [ghost]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_does_not_exist_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CatalogTables.Describe(_connection, new TableDescription("scores.missing", "Gone.", "none", Columns, []), [], null));

        Assert.Contains("scores.missing: no such table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describing_by_name_takes_the_description_grain_and_columns_from_the_tables_yaml()
    {
        _connection.Execute("create table scores.tier_readiness as select * from (values ('p1')) as t(partner_id) where false");
        var error = Assert.Throws<InvalidOperationException>(() => CatalogTables.Describe(_connection, "scores.tier_readiness", [], null));
        Assert.Contains("columns without a description: []", error.Message, StringComparison.Ordinal);
        Assert.Contains("descriptions of no column: [current_tier,", error.Message, StringComparison.Ordinal);

        var yaml = TableDescriptions.Of("scores.tier_readiness");
        _connection.Execute("drop table scores.tier_readiness");
        _connection.Execute($"create table scores.tier_readiness ({string.Join(", ", yaml.Columns.Select(c => c.Name + " varchar"))})");
        CatalogTables.Describe(_connection, "scores.tier_readiness", [], null);

        Assert.Equal((yaml.Description, yaml.Grain), _connection.QuerySingle<(string, string)>(
            "select description, grain from catalog.models where model_name = 'scores.tier_readiness'"));
        Assert.Equal(yaml.Columns.Select(c => c.Description), _connection.Query<string>(
            "select description from catalog.columns where model_name = 'scores.tier_readiness' order by ordinal"));
    }

    [Fact]
    public void A_table_without_a_yaml_description_is_refused_naming_the_file_to_add()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CatalogTables.Describe(_connection, "scores.example", [], null));

        Assert.Contains("pipelines/transforms/tables/scores/example.yml", error.Message, StringComparison.Ordinal);
    }
}
