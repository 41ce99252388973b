using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.partner_quarterly over <see cref="RevenueCreditsDataset"/> (calendar year; spine 2025-Q4 .. 2026-Q3). Hand
/// computation, partner by partner in 2026-Q2 (deals closed 04-01 .. 06-30):
/// <code>
/// ptn-a  w1 won (sourced 60 %: 60,000.00), w3 won (sourced 100 % of 0.00)  -> won 2, lost 0, win rate 1, credited won 60,000.00
///        2026-Q1: w4 won (30,000.00) -> previous_credited_arr of 2026-Q2 is 30,000.00
/// ptn-b  w1 won (influenced 40,000.00), w6 won (10,000.00), w7 won (33.33 % of 12,345.67 = 4,114.81)
///        -> won 3, influenced 54,114.81, influenced_won_deals 3, credited won 54,114.81
/// ptn-c  w1 won (pct null: no credit), w7 won (sourced 12,345.67) -> won 2, credited won 12,345.67, sourced 12,345.67
/// ptn-d  w7 won (attribution and pct null: no credit), l1 lost 2026-04-15 (arr 70,000.00, reason price)
///        -> won 1, lost 1, win rate 0.5, credited won 0.00, lost ARR 70,000.00
/// ptn-a 2026-Q3: nothing closed (win rate null); o1 closes 2026-08-15: sourced pipeline 20,000.00.
/// Win rate counts new business only (the definition of marts.win_rates): ptn-b 2026-Q2 won 3 deals of which w6 is an
/// expansion -> new-business won 2, lost 0, win rate 1; ptn-a 2026-Q1 won only w4, a renewal -> won 1, win rate null.
/// No registrations: every registration figure 0, shares null. 4 partners x 4 quarters = 16 rows.
/// </code>
/// </summary>
public sealed class PartnerQuarterlyTests(RevenueCreditsDataset.CalendarYear fixture) : IClassFixture<RevenueCreditsDataset.CalendarYear>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Cell<T>(string column, string partnerId, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.partner_quarterly where partner_id = $partner and fiscal_quarter = $quarter", new { partner = partnerId, quarter });

    [Fact]
    public void Every_partner_has_a_row_for_every_quarter_of_the_spine()
    {
        Assert.Equal(16, _warehouse.Scalar<long>("select count(*) from marts.partner_quarterly"));
        Assert.Equal(0.00m, Cell<decimal>("sourced_arr", "ptn-b", "2025-Q4"));
        Assert.Equal(0, Cell<int>("won_deals", "ptn-b", "2025-Q4"));
    }

    [Fact]
    public void Credited_arr_won_is_partner_arr_quarterly_summed_over_motions()
    {
        Assert.Equal(60_000.00m, Cell<decimal>("sourced_arr", "ptn-a", "2026-Q2"));
        Assert.Equal(2, Cell<int>("sourced_won_deals", "ptn-a", "2026-Q2"));
        Assert.Equal(54_114.81m, Cell<decimal>("influenced_arr", "ptn-b", "2026-Q2"));
        Assert.Equal(3, Cell<int>("influenced_won_deals", "ptn-b", "2026-Q2"));
        Assert.Equal(54_114.81m, Cell<decimal>("credited_arr", "ptn-b", "2026-Q2"));
        Assert.Equal(20_000.00m, Cell<decimal>("sourced_pipeline_arr", "ptn-a", "2026-Q3"));
    }

    [Fact]
    public void Previous_credited_arr_is_the_quarter_before_and_zero_for_the_first_quarter()
    {
        Assert.Equal(30_000.00m, Cell<decimal>("previous_credited_arr", "ptn-a", "2026-Q2"));
        Assert.Equal(0.00m, Cell<decimal>("previous_credited_arr", "ptn-a", "2025-Q4"));
    }

    [Fact]
    public void Won_and_lost_count_every_closed_deal_the_partner_is_on_whatever_its_attribution()
    {
        Assert.Equal(2, Cell<int>("won_deals", "ptn-a", "2026-Q2"));
        Assert.Equal(0, Cell<int>("lost_deals", "ptn-a", "2026-Q2"));
        Assert.Equal(1.0, Cell<double>("win_rate", "ptn-a", "2026-Q2"), 1e-12);
        Assert.Equal(2, Cell<int>("won_deals", "ptn-c", "2026-Q2"));
        Assert.Equal(1, Cell<int>("won_deals", "ptn-d", "2026-Q2"));
        Assert.Equal(1, Cell<int>("lost_deals", "ptn-d", "2026-Q2"));
        Assert.Equal(0.5, Cell<double>("win_rate", "ptn-d", "2026-Q2"), 1e-12);
    }

    [Fact]
    public void Win_rate_counts_new_business_deals_only_like_the_program_win_rate()
    {
        Assert.Equal(3, Cell<int>("won_deals", "ptn-b", "2026-Q2"));
        Assert.Equal(2, Cell<int>("new_business_won_deals", "ptn-b", "2026-Q2"));
        Assert.Equal(0, Cell<int>("new_business_lost_deals", "ptn-b", "2026-Q2"));
        Assert.Equal(1, Cell<int>("won_deals", "ptn-a", "2026-Q1"));
        Assert.Equal(0, Cell<int>("new_business_won_deals", "ptn-a", "2026-Q1"));
        Assert.Null(Cell<double?>("win_rate", "ptn-a", "2026-Q1"));
        Assert.Equal(1, Cell<int>("new_business_lost_deals", "ptn-d", "2026-Q2"));
    }

    [Fact]
    public void Win_rate_is_null_when_nothing_closed()
    {
        Assert.Null(Cell<double?>("win_rate", "ptn-a", "2026-Q3"));
    }

    [Fact]
    public void Credited_arr_of_won_deals_adds_nothing_for_rows_without_attribution_pct_and_lost_arr_is_full_arr()
    {
        Assert.Equal(60_000.00m, Cell<decimal>("won_credited_arr", "ptn-a", "2026-Q2"));
        Assert.Equal(12_345.67m, Cell<decimal>("won_credited_arr", "ptn-c", "2026-Q2"));
        Assert.Equal(0.00m, Cell<decimal>("won_credited_arr", "ptn-d", "2026-Q2"));
        Assert.Equal(70_000.00m, Cell<decimal>("lost_arr", "ptn-d", "2026-Q2"));
    }

    [Fact]
    public void Registration_shares_are_null_without_decided_registrations()
    {
        Assert.Equal(0, Cell<int>("registrations_submitted", "ptn-a", "2026-Q2"));
        Assert.Null(Cell<double?>("decided_within_48h_share", "ptn-a", "2026-Q2"));
        Assert.Null(Cell<double?>("approval_rate", "ptn-a", "2026-Q2"));
    }

    [Fact]
    public void Lost_reasons_are_counted_per_partner_and_quarter()
    {
        Assert.Equal(1, _warehouse.Scalar<int>(
            "select lost_deals from marts.partner_lost_reasons where partner_id = 'ptn-d' and fiscal_quarter = '2026-Q2' and lost_reason = 'price' and rank = 1"));
        Assert.Equal(1, _warehouse.Scalar<long>("select count(*) from marts.partner_lost_reasons"));
    }
}
