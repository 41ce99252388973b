using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Dictionary;

/// <summary>
/// A small warehouse built by hand: a mart reading an intermediate table reading a lake view, a config table whose
/// description carries build settings, a test_failures table, and catalog.tests rows, each described through
/// <see cref="CatalogTables.Describe(DuckDB.NET.Data.DuckDBConnection, TableDescription, IReadOnlyList{string}, string?)"/> as the pipeline does.
/// </summary>
internal sealed class HandBuiltWarehouse : IDisposable
{
    private readonly TempDirectory _directory = new();

    public HandBuiltWarehouse()
    {
        using var connection = Open();
        WarehouseSql.Execute(connection, """
            create schema catalog; create schema lake; create schema intermediate; create schema marts; create schema config; create schema test_failures;
            create view lake.partners as select 'p1' as partner_id, 'registered' as tier;
            create table intermediate.tiers as select tier, count(*)::bigint as partners from lake.partners group by tier;
            create table marts.tier_mix as select tier, partners from intermediate.tiers;
            create table config.tiers as select 'registered' as tier;
            create table test_failures.tier_mix_broken as select tier from marts.tier_mix;
            create table catalog.tests (test_name varchar, model_name varchar, column_name varchar, test_type varchar, severity varchar,
                status varchar, failing_rows bigint, description varchar);
            insert into catalog.tests values
                ('not_null_marts_tier_mix_tier', 'marts.tier_mix', 'tier', 'not_null', 'error', 'passed', 0, 'tier is never null.'),
                ('tier_mix_adds_up', 'marts.tier_mix', null, 'expression', 'warn', 'warned', 3, 'Partners add up: no row matches `partners | 0 < 0`.');
            """);
        CatalogTables.Describe(connection, new TableDescription("lake.partners", "The partners as landed, one `<entity>` of the lake.", "one row per partner",
            [new("partner_id", "Text, required."), new("tier", "Text; one of: a | b.")], []), [], "run-1");
        CatalogTables.Describe(connection, new TableDescription("intermediate.tiers", "Partners per tier. Counted *once*.", "one row per tier",
            [new("tier", "The tier."), new("partners", "How many.")], []), ["lake.partners"], "run-1");
        CatalogTables.Describe(connection, new TableDescription("marts.tier_mix", "The tier mix.", "one row per tier",
            [new("tier", "The tier."), new("partners", "How many, as `a|b` says.")], []), ["intermediate.tiers", "staging.gone"], "run-1");
        CatalogTables.Describe(connection, new TableDescription("config.tiers", $"The tiers. {CatalogTables.BuildSettingsMarker}registered.", "one row per tier",
            [new("tier", "The tier.")], []), [], "run-1");
        CatalogTables.Describe(connection, new TableDescription("test_failures.tier_mix_broken", "Failing rows.", "one row per failing row",
            [new("tier", "The tier.")], []), ["marts.tier_mix"], "run-1");
    }

    public string Path => _directory.Combine("analytics.duckdb");

    public DuckDBConnection Open(bool readOnly = false)
    {
        var connection = DuckDbFile.Open(Path, readOnly: readOnly);
        return connection;
    }

    /// <summary>The page the generator writes for this warehouse.</summary>
    public string Page()
    {
        using var connection = Open(readOnly: true);
        return Analytics.Cli.Dictionary.DictionaryMarkdown.Render(Analytics.Cli.Dictionary.WarehouseDictionary.Read(connection));
    }

    public void Dispose() => _directory.Dispose();
}
