using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.partner_pipeline, marts.manager_pipeline and intermediate.credited_arr_by_snapshot over
/// <see cref="PartnerPipelineDataset"/> (hand computation in its remarks).
/// </summary>
public sealed class PartnerPipelineTests(PartnerPipelineDataset.Fixture fixture) : IClassFixture<PartnerPipelineDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Cell<T>(string column, string partnerId) => _warehouse.Scalar<T>(
        $"select {column} from marts.partner_pipeline where partner_id = $partner", new { partner = partnerId });

    [Fact]
    public void Sourced_pipeline_is_the_credited_arr_of_sourced_rows_of_open_deals_at_the_snapshot()
    {
        Assert.Equal(20_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-a"));
        Assert.Equal(20_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-d"));
        Assert.Equal(25_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-b"));
        Assert.Equal(0.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-c"));
    }

    [Fact]
    public void A_week_ago_reads_the_newest_snapshot_at_least_7_days_older_with_its_own_arr_and_deals()
    {
        Assert.Equal(PartnerPipelineDataset.WeekAgo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Cell<string>("cast(week_ago_snapshot_date as varchar)", "ptn-a"));
        Assert.Equal(15_000.00m, Cell<decimal>("sourced_pipeline_arr_week_ago", "ptn-a"));
        Assert.Equal(15_000.00m, Cell<decimal>("sourced_pipeline_arr_week_ago", "ptn-d"));
        Assert.Equal(0.00m, Cell<decimal>("sourced_pipeline_arr_week_ago", "ptn-b"));
    }

    [Fact]
    public void Open_deals_count_the_deals_the_partner_is_on_with_full_and_credited_arr()
    {
        Assert.Equal(1, Cell<int>("open_deals", "ptn-a"));
        Assert.Equal(40_000.00m, Cell<decimal>("open_arr", "ptn-a"));
        Assert.Equal(20_000.00m, Cell<decimal>("open_credited_arr", "ptn-a"));
        Assert.Equal(1, Cell<int>("open_deals", "ptn-c"));
        Assert.Equal(25_000.00m, Cell<decimal>("open_credited_arr", "ptn-c"));
    }

    [Fact]
    public void A_manager_totals_the_sourced_pipeline_of_the_managers_active_partners()
    {
        Assert.Equal(65_000.00m, _warehouse.Scalar<decimal>("select sourced_pipeline_arr from marts.manager_pipeline where manager_key = 'pat.manager@vendor.example'"));
        Assert.Equal(30_000.00m, _warehouse.Scalar<decimal>("select sourced_pipeline_arr_week_ago from marts.manager_pipeline where manager_key = 'pat.manager@vendor.example'"));
    }

    [Fact]
    public void Credited_arr_is_kept_for_every_landed_snapshot_rounded_to_cents_per_row()
    {
        Assert.Equal(3, _warehouse.Scalar<long>("select count(distinct snapshot_date) from intermediate.credited_arr_by_snapshot"));
        Assert.Equal(13, _warehouse.Scalar<long>("select count(*) from intermediate.credited_arr_by_snapshot where snapshot_date = date '2026-07-01'"));
        Assert.Equal(3, _warehouse.Scalar<long>(
            "select count(*) from intermediate.credited_arr_by_snapshot where opportunity_id = 'w7' and partner_id = 'ptn-b' and credited_arr = 4114.81"));
        Assert.Equal(15_000.00m, _warehouse.Scalar<decimal>(
            "select credited_arr from intermediate.credited_arr_by_snapshot where snapshot_date = date '2026-07-01' and opportunity_id = 'o1' and partner_id = 'ptn-a'"));
    }

    [Fact]
    public void Partner_credits_reads_the_build_snapshots_rows_only()
    {
        Assert.Equal(15, _warehouse.Scalar<long>("select count(*) from intermediate.partner_credits"));
        Assert.Equal(20_000.00m, _warehouse.Scalar<decimal>("select credited_arr from intermediate.partner_credits where opportunity_id = 'o1' and partner_id = 'ptn-a'"));
    }
}
