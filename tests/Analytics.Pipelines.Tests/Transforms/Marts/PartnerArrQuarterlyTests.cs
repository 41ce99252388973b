using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.partner_arr_quarterly over <see cref="RevenueCreditsDataset"/> (hand computation in its remarks).</summary>
public sealed class PartnerArrQuarterlyTests(RevenueCreditsDataset.CalendarYear fixture) : IClassFixture<RevenueCreditsDataset.CalendarYear>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Cell<T>(string column, string partnerId, string motion, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.partner_arr_quarterly where partner_id = $partner and motion = $motion and fiscal_quarter = $quarter",
        new { partner = partnerId, motion, quarter });

    private long Rows(string partnerId, string motion, string quarter) => _warehouse.Scalar<long>(
        "select count(*) from marts.partner_arr_quarterly where partner_id = $partner and motion = $motion and fiscal_quarter = $quarter",
        new { partner = partnerId, motion, quarter });

    [Fact]
    public void Sourced_and_influenced_credit_split_by_attribution_pct_across_the_partners_of_one_deal()
    {
        Assert.Equal(60_000.00m, Cell<decimal>("sourced_arr", "ptn-a", "reseller", "2026-Q2"));
        Assert.Equal(0.00m, Cell<decimal>("influenced_arr", "ptn-a", "reseller", "2026-Q2"));
        Assert.Equal(40_000.00m, Cell<decimal>("influenced_arr", "ptn-b", "reseller", "2026-Q2"));
        Assert.Equal(0.00m, Cell<decimal>("sourced_arr", "ptn-b", "reseller", "2026-Q2"));
        Assert.Equal(4_114.81m, Cell<decimal>("influenced_arr", "ptn-b", "tech", "2026-Q2"));
        Assert.Equal(12_345.67m, Cell<decimal>("sourced_arr", "ptn-c", "tech", "2026-Q2"));
    }

    [Fact]
    public void A_partner_row_with_null_attribution_pct_or_null_attribution_credits_nothing_but_is_counted_as_unattributed()
    {
        Assert.Equal(0.00m, Cell<decimal>("credited_arr", "ptn-c", "reseller", "2026-Q2"));
        Assert.Equal(1, Cell<int>("unattributed_won_deals", "ptn-c", "reseller", "2026-Q2"));
        Assert.Equal(0, Cell<int>("influenced_won_deals", "ptn-c", "reseller", "2026-Q2"));
        Assert.Equal(0.00m, Cell<decimal>("credited_arr", "ptn-d", "tech", "2026-Q2"));
        Assert.Equal(1, Cell<int>("unattributed_won_deals", "ptn-d", "tech", "2026-Q2"));
    }

    [Fact]
    public void Deals_closed_on_either_side_of_a_quarter_boundary_land_in_their_own_quarter()
    {
        Assert.Equal(50_000.00m, Cell<decimal>("sourced_arr", "ptn-d", "referral", "2026-Q1"));
        Assert.Equal(60_000.00m, Cell<decimal>("sourced_arr", "ptn-a", "reseller", "2026-Q2"));
        Assert.Equal(30_000.00m, Cell<decimal>("sourced_arr", "ptn-a", "reseller", "2026-Q1"));
    }

    [Fact]
    public void A_zero_arr_won_deal_counts_as_a_deal_and_adds_nothing()
    {
        Assert.Equal(2, Cell<int>("sourced_won_deals", "ptn-a", "reseller", "2026-Q2"));
        Assert.Equal(60_000.00m, Cell<decimal>("sourced_arr", "ptn-a", "reseller", "2026-Q2"));
    }

    [Fact]
    public void Open_deals_count_as_pipeline_by_close_date_quarter_and_not_as_won_credit()
    {
        Assert.Equal(20_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-a", "reseller", "2026-Q3"));
        Assert.Equal(20_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-d", "reseller", "2026-Q3"));
        Assert.Equal(0.00m, Cell<decimal>("sourced_arr", "ptn-a", "reseller", "2026-Q3"));
        Assert.Equal(1, Cell<int>("sourced_pipeline_deals", "ptn-a", "reseller", "2026-Q3"));
        Assert.Equal(25_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-b", "services", "2026-Q4"));
        Assert.Equal(25_000.00m, Cell<decimal>("influenced_pipeline_arr", "ptn-c", "services", "2026-Q4"));
    }

    [Fact]
    public void Motion_is_the_deals_motion_and_every_opportunity_type_counts()
    {
        Assert.Equal(10_000.00m, Cell<decimal>("influenced_arr", "ptn-b", "direct", "2026-Q2"));
        Assert.Equal(1, Cell<int>("influenced_won_deals", "ptn-b", "direct", "2026-Q2"));
    }

    [Fact]
    public void A_lost_deal_credits_nothing_and_makes_no_row()
    {
        Assert.Equal(0, Rows("ptn-d", "referral", "2026-Q2"));
    }

    [Fact]
    public void Every_partner_motion_and_quarter_with_a_figure_or_a_deal_has_exactly_one_row()
    {
        Assert.Equal(13, _warehouse.Scalar<long>("select count(*) from marts.partner_arr_quarterly"));
        Assert.Equal(152_345.67m, _warehouse.Scalar<decimal>("select sum(sourced_arr) from marts.partner_arr_quarterly"));
        Assert.Equal(54_114.81m, _warehouse.Scalar<decimal>("select sum(influenced_arr) from marts.partner_arr_quarterly"));
        Assert.Equal(65_000.00m, _warehouse.Scalar<decimal>("select sum(sourced_pipeline_arr) from marts.partner_arr_quarterly"));
        Assert.Equal(25_000.00m, _warehouse.Scalar<decimal>("select sum(influenced_pipeline_arr) from marts.partner_arr_quarterly"));
    }
}
