using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.win_rates over <see cref="RevenueWinRatesDataset"/> (hand computation in its remarks).</summary>
public sealed class WinRatesTests(RevenueWinRatesDataset.Fixture fixture) : IClassFixture<RevenueWinRatesDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string motion, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.win_rates where motion = $motion and fiscal_quarter = $quarter", new { motion, quarter });

    [Fact]
    public void Win_rate_is_won_over_closed_new_business_by_motion_and_closing_quarter()
    {
        Assert.Equal(3, Value<int>("won", "direct", "2026-Q2"));
        Assert.Equal(5, Value<int>("lost", "direct", "2026-Q2"));
        Assert.Equal(0.375, Value<double>("win_rate", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(3, Value<int>("won", "reseller", "2026-Q2"));
        Assert.Equal(4, Value<int>("lost", "reseller", "2026-Q2"));
        Assert.Equal(3.0 / 7.0, Value<double>("win_rate", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(4, _warehouse.Scalar<long>("select count(*) from marts.win_rates"));
    }

    [Fact]
    public void Renewals_and_open_deals_are_left_out()
    {
        Assert.Equal(8, Value<int>("closed", "direct", "2026-Q2"));
        Assert.Equal(7, Value<int>("closed", "reseller", "2026-Q2"));
    }

    [Fact]
    public void Delta_vs_direct_is_in_percentage_points_and_zero_for_direct()
    {
        Assert.Equal(0.0, Value<double>("delta_vs_direct_pp", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(300.0 / 56.0, Value<double>("delta_vs_direct_pp", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(62.5, Value<double>("delta_vs_direct_pp", "referral", "2026-Q2"), 1e-9);
    }

    [Fact]
    public void Mean_won_arr_includes_zero_arr_wins()
    {
        Assert.Equal(40_000.00m, Value<decimal>("mean_won_arr", "direct", "2026-Q2"));
        Assert.Equal(6_666.67m, Value<decimal>("mean_won_arr", "reseller", "2026-Q2"));
        Assert.Null(Value<decimal?>("mean_won_arr", "tech", "2026-Q1"));
    }

    [Fact]
    public void Mix_adjusted_delta_compares_like_with_like_and_can_flip_the_sign_of_the_raw_delta()
    {
        Assert.Equal(2.75 / 6.0, Value<double>("expected_direct_win_rate", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(2.0 / 6.0, Value<double>("win_rate_in_shared_cells", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(-12.5, Value<double>("mix_adjusted_delta_pp", "reseller", "2026-Q2"), 1e-9);
        Assert.True(Value<double>("delta_vs_direct_pp", "reseller", "2026-Q2") > 0);
        Assert.Equal(6.0 / 7.0, Value<double>("mix_adjusted_coverage_share", "reseller", "2026-Q2"), 1e-9);
    }

    [Fact]
    public void Direct_compared_with_itself_has_zero_mix_adjusted_delta_and_full_coverage()
    {
        Assert.Equal(0.375, Value<double>("expected_direct_win_rate", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(0.0, Value<double>("mix_adjusted_delta_pp", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(1.0, Value<double>("mix_adjusted_coverage_share", "direct", "2026-Q2"), 1e-9);
    }

    [Fact]
    public void Mix_adjustment_is_null_when_no_cell_is_shared_with_direct()
    {
        Assert.Null(Value<double?>("mix_adjusted_delta_pp", "referral", "2026-Q2"));
        Assert.Null(Value<double?>("mix_adjusted_coverage_share", "referral", "2026-Q2"));
        Assert.Null(Value<double?>("expected_direct_win_rate", "referral", "2026-Q2"));
    }

    [Fact]
    public void A_quarter_in_which_direct_closed_nothing_has_no_delta()
    {
        Assert.Equal(0.0, Value<double>("win_rate", "tech", "2026-Q1"), 1e-9);
        Assert.Null(Value<double?>("direct_win_rate", "tech", "2026-Q1"));
        Assert.Null(Value<double?>("delta_vs_direct_pp", "tech", "2026-Q1"));
        Assert.Null(Value<double?>("mix_adjusted_delta_pp", "tech", "2026-Q1"));
    }
}
