using Analytics.Pipelines.Transforms;

namespace Analytics.Pipelines.Tests.Transforms;

public sealed class SqlReferencesTests
{
    private static readonly string[] Schemas = ["lake", "staging", "intermediate", "marts"];

    [Fact]
    public void Find_returns_qualified_names_in_known_schemas_only()
    {
        var sql = """
            with o as (select * from staging.opportunities)
            select o.arr, p.name from o join STAGING . Partners as p on p.partner_id = o.partner_id
            cross join intermediate.fiscal_quarters
            """;

        Assert.Equal(["intermediate.fiscal_quarters", "staging.opportunities", "staging.partners"], SqlReferences.Find(sql, Schemas));
    }

    [Fact]
    public void Find_ignores_comments_string_literals_and_function_calls()
    {
        var sql = """
            -- reads marts.commented_out
            /* and marts.block_comment */
            select 'marts.in_a_string', 'it''s marts.escaped' as x, staging.my_macro(1) from staging.real
            """;

        Assert.Equal(["staging.real"], SqlReferences.Find(sql, Schemas));
    }

    [Fact]
    public void Find_does_not_take_a_column_of_a_qualified_table_for_a_table()
    {
        Assert.Equal(["staging.partners"], SqlReferences.Find("select staging.partners.tier from staging.partners", Schemas));
    }

    [Fact]
    public void Replace_swaps_references_but_leaves_comments_strings_and_longer_names_alone()
    {
        var sql = "-- lake.partners\nselect 'lake.partners', x from lake.partners join lake.partners_extra using (id)";

        var replaced = SqlReferences.Replace(sql, "lake.partners", "lake.partners_snapshots");

        Assert.Equal("-- lake.partners\nselect 'lake.partners', x from lake.partners_snapshots join lake.partners_extra using (id)", replaced);
    }
}
