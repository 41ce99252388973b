using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.registration_outcomes over <see cref="RevenueWinRatesDataset"/> (hand computation in its remarks).</summary>
public sealed class RegistrationOutcomesTests(RevenueWinRatesDataset.Fixture fixture) : IClassFixture<RevenueWinRatesDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string quarter, string motion, bool registered) => _warehouse.Scalar<T>(
        $"select {column} from marts.registration_outcomes where fiscal_quarter = $quarter and motion = $motion and is_registered = $registered",
        new { quarter, motion, registered });

    [Fact]
    public void Registered_and_unregistered_partner_deals_get_their_own_win_rate_and_deal_size()
    {
        Assert.Equal(2, Value<int>("won", "2026-Q2", "reseller", true));
        Assert.Equal(1, Value<int>("lost", "2026-Q2", "reseller", true));
        Assert.Equal(2.0 / 3.0, Value<double>("win_rate", "2026-Q2", "reseller", true), 1e-9);
        Assert.Equal(5_000.00m, Value<decimal>("mean_won_arr", "2026-Q2", "reseller", true));
        Assert.Equal(10_000.00m, Value<decimal>("won_arr", "2026-Q2", "reseller", true));
        Assert.Equal(1.0 / 3.0, Value<double>("win_rate", "2026-Q2", "reseller", false), 1e-9);
        Assert.Equal(10_000.00m, Value<decimal>("mean_won_arr", "2026-Q2", "reseller", false));
    }

    [Fact]
    public void Only_partner_touched_deals_count_whatever_their_motion()
    {
        Assert.Equal(3, Value<int>("closed", "2026-Q2", "reseller", false));
        Assert.Equal(100_000.00m, Value<decimal>("won_arr", "2026-Q2", "direct", false));
        Assert.Equal(5, _warehouse.Scalar<long>("select count(*) from marts.registration_outcomes"));
    }

    [Fact]
    public void A_group_with_no_win_has_zero_won_arr_and_no_mean()
    {
        Assert.Equal(0.0, Value<double>("win_rate", "2026-Q1", "tech", false), 1e-9);
        Assert.Equal(0.00m, Value<decimal>("won_arr", "2026-Q1", "tech", false));
        Assert.Null(Value<decimal?>("mean_won_arr", "2026-Q1", "tech", false));
    }
}
