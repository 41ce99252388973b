using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.cycle_times over <see cref="RevenueWinRatesDataset"/> (hand computation in its remarks).</summary>
public sealed class CycleTimesTests(RevenueWinRatesDataset.Fixture fixture) : IClassFixture<RevenueWinRatesDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string motion, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.cycle_times where motion = $motion and fiscal_quarter = $quarter", new { motion, quarter });

    [Fact]
    public void Median_and_p75_are_interpolated_over_closed_new_business_deals()
    {
        Assert.Equal(8, Value<int>("closed", "direct", "2026-Q2"));
        Assert.Equal(45.0, Value<double>("median_days", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(62.5, Value<double>("p75_days", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(7, Value<int>("closed", "reseller", "2026-Q2"));
        Assert.Equal(35.0, Value<double>("median_days", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(50.0, Value<double>("p75_days", "reseller", "2026-Q2"), 1e-9);
    }

    [Fact]
    public void Won_median_uses_won_deals_only()
    {
        Assert.Equal(3, Value<int>("won", "direct", "2026-Q2"));
        Assert.Equal(20.0, Value<double>("won_median_days", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(15.0, Value<double>("won_median_days", "reseller", "2026-Q2"), 1e-9);
        Assert.Null(Value<double?>("won_median_days", "tech", "2026-Q1"));
    }

    [Fact]
    public void Deltas_compare_with_direct_in_the_same_quarter()
    {
        Assert.Equal(0.0, Value<double>("delta_vs_direct_median_days", "direct", "2026-Q2"), 1e-9);
        Assert.Equal(-10.0, Value<double>("delta_vs_direct_median_days", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(-5.0, Value<double>("won_delta_vs_direct_median_days", "reseller", "2026-Q2"), 1e-9);
        Assert.Equal(-33.0, Value<double>("delta_vs_direct_median_days", "referral", "2026-Q2"), 1e-9);
        Assert.Equal(7.0, Value<double>("median_days", "tech", "2026-Q1"), 1e-9);
        Assert.Null(Value<double?>("delta_vs_direct_median_days", "tech", "2026-Q1"));
    }

    [Fact]
    public void Open_deals_and_renewals_have_no_cycle_time_here()
    {
        Assert.Equal(17, _warehouse.Scalar<long>("select cast(sum(closed) as bigint) from marts.cycle_times"));
        Assert.Equal(4, _warehouse.Scalar<long>("select count(*) from marts.cycle_times"));
    }
}
