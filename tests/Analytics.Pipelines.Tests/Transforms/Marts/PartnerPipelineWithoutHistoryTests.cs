using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.partner_pipeline over <see cref="RevenueCreditsDataset"/>, one snapshot only: nothing a week back.</summary>
public sealed class PartnerPipelineWithoutHistoryTests(RevenueCreditsDataset.CalendarYear fixture) : IClassFixture<RevenueCreditsDataset.CalendarYear>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Without_a_snapshot_7_days_older_the_week_ago_figures_are_null_not_zero()
    {
        Assert.Equal(20_000.00m, _warehouse.Scalar<decimal>("select sourced_pipeline_arr from marts.partner_pipeline where partner_id = 'ptn-a'"));
        Assert.Null(_warehouse.Scalar<decimal?>("select sourced_pipeline_arr_week_ago from marts.partner_pipeline where partner_id = 'ptn-a'"));
        Assert.Null(_warehouse.Scalar<decimal?>("select sourced_pipeline_arr_week_ago from marts.manager_pipeline"));
    }

    [Fact]
    public void Without_a_snapshot_7_days_older_there_are_no_changes_since_last_week()
    {
        Assert.Equal(0L, _warehouse.Scalar<long>("select count(*) from marts.weekly_deal_changes"));
    }
}
