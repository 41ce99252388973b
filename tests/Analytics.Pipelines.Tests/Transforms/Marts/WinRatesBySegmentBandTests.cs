using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.win_rates_by_segment_band over <see cref="RevenueWinRatesDataset"/>: the cells behind the mix adjustment.</summary>
public sealed class WinRatesBySegmentBandTests(RevenueWinRatesDataset.Fixture fixture) : IClassFixture<RevenueWinRatesDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string motion, string segment, string arrBand) => _warehouse.Scalar<T>(
        $"select {column} from marts.win_rates_by_segment_band where motion = $motion and fiscal_quarter = '2026-Q2' and segment = $segment and arr_band = $band",
        new { motion, segment, band = arrBand });

    [Fact]
    public void Each_cell_shows_the_motion_and_direct_side_by_side()
    {
        Assert.Equal(2, Value<int>("won", "reseller", "smb", "2: 5k-15k"));
        Assert.Equal(3, Value<int>("lost", "reseller", "smb", "2: 5k-15k"));
        Assert.Equal(0.4, Value<double>("win_rate", "reseller", "smb", "2: 5k-15k"), 1e-9);
        Assert.Equal(2, Value<int>("direct_won", "reseller", "smb", "2: 5k-15k"));
        Assert.Equal(2, Value<int>("direct_lost", "reseller", "smb", "2: 5k-15k"));
        Assert.Equal(0.5, Value<double>("direct_win_rate", "reseller", "smb", "2: 5k-15k"), 1e-9);
        Assert.Equal(0.25, Value<double>("direct_win_rate", "reseller", "enterprise", "4: 50k-150k"), 1e-9);
        Assert.True(Value<bool>("is_shared_cell", "reseller", "enterprise", "4: 50k-150k"));
    }

    [Fact]
    public void A_cell_direct_has_no_deal_in_is_shown_but_not_shared()
    {
        Assert.Equal(1, Value<int>("won", "reseller", "mid_market", "1: under 5k"));
        Assert.Equal(0, Value<int>("direct_won", "reseller", "mid_market", "1: under 5k"));
        Assert.Null(Value<double?>("direct_win_rate", "reseller", "mid_market", "1: under 5k"));
        Assert.False(Value<bool>("is_shared_cell", "reseller", "mid_market", "1: under 5k"));
        Assert.False(Value<bool>("is_shared_cell", "referral", "enterprise", "5: 150k and over"));
    }

    [Fact]
    public void There_is_one_row_per_motion_quarter_and_cell_with_a_closed_deal()
    {
        Assert.Equal(7, _warehouse.Scalar<long>("select count(*) from marts.win_rates_by_segment_band"));
        Assert.Equal(1, _warehouse.Scalar<int>(
            "select lost from marts.win_rates_by_segment_band where motion = 'tech' and fiscal_quarter = '2026-Q1' and segment = 'smb'"));
    }
}
