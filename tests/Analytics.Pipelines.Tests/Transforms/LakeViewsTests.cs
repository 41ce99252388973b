using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms;

public sealed class LakeViewsTests
{
    [Theory]
    [InlineData("partners", "status", "Text, required; one of: active, offboarded.")]
    [InlineData("partners", "partner_id", "Text, required; the primary key.")]
    [InlineData("partners", "offboarded_at", "Timestamp (UTC), optional.")]
    [InlineData("opportunities", "arr", "Decimal with two places, required; from 0 to 1,000,000,000.")]
    [InlineData("opportunities", "is_won", "True or false, required.")]
    [InlineData("opportunity_partners", "attribution_pct", "Decimal with two places, optional; from 0 to 100.")]
    [InlineData("opportunity_partners", "role", "Text, required; one of: referral, reseller, marketplace, services, tech; part of the primary key (opportunity_id, partner_id, role).")]
    [InlineData("csat_responses", "score", "Whole number, required; from 1 to 5.")]
    public void ColumnDescription_states_type_nullability_values_range_and_key(string entity, string column, string expected)
    {
        var schema = CrmSchema.Entity(entity);

        Assert.Equal(expected, LakeViews.ColumnDescription(schema, schema.Column(column)));
    }

    [Fact]
    public void The_lake_views_are_described_with_the_staging_models_meaning_and_one_snapshot_date_each()
    {
        using var project = new MiniProject();
        project.Land(new DateOnly(2026, 6, 30), "registered");

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request()).Succeeded);

        Assert.Equal(2 * CrmSchema.Entities.Count, WarehouseQuery.Scalar<long>(project.Warehouse,
            "select count(*) from catalog.models where layer = 'lake' and materialization = 'view' and row_count is null"));
        Assert.Equal("one row per partner in the snapshot being built", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select grain from catalog.models where model_name = 'lake.partners'"));
        Assert.Equal(["snapshot_date"], WarehouseQuery.Rows<string>(project.Warehouse,
            "select column_name from catalog.columns where model_name = 'lake.partners' and column_name like 'snapshot%'"));
        Assert.Equal("Text, required; one of: active, offboarded.", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select description from catalog.columns where model_name = 'lake.partners' and column_name = 'status'"));
        Assert.Equal("Tier. Text, required; one of: registered, select, elite.", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select description from catalog.columns where model_name = 'lake.partners_snapshots' and column_name = 'tier'"));
    }
}
