using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.attach_and_renewal and intermediate.revenue_account_deals over <see cref="RevenueAttachDataset"/> (hand
/// computation in its remarks).
/// </summary>
public sealed class AttachAndRenewalTests(RevenueAttachDataset.Fixture fixture) : IClassFixture<RevenueAttachDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.attach_and_renewal where fiscal_quarter = $quarter", new { quarter });

    private string? Reason(string opportunityId) => _warehouse.Scalar<string?>(
        "select assist_reason from intermediate.revenue_account_deals where opportunity_id = $id", new { id = opportunityId });

    [Fact]
    public void Services_attach_share_counts_won_deals_of_every_type_with_a_services_partner()
    {
        Assert.Equal(3, Value<int>("won_deals", "2026-Q1"));
        Assert.Equal(1, Value<int>("services_attached_won_deals", "2026-Q1"));
        Assert.Equal(1.0 / 3.0, Value<double>("services_attach_share", "2026-Q1"), 1e-9);
        Assert.Equal(15_000.00m, Value<decimal>("services_attached_won_arr", "2026-Q1"));
        Assert.Equal(8, Value<int>("won_deals", "2026-Q2"));
        Assert.Equal(0.25, Value<double>("services_attach_share", "2026-Q2"), 1e-9);
        Assert.Equal(47_000.00m, Value<decimal>("services_attached_won_arr", "2026-Q2"));
    }

    [Fact]
    public void Each_way_of_being_partner_assisted_is_recognised()
    {
        Assert.Equal("incumbent_partner", Reason("rA"));
        Assert.Equal("earlier_partner_win", Reason("rB"));
        Assert.Equal("earlier_partner_win", Reason("rD"));
        Assert.Equal("partner_on_deal", Reason("rG"));
        Assert.Equal("partner_on_deal", Reason("x4"));
        Assert.Equal("incumbent_partner", Reason("rO"));
        Assert.Null(Reason("rE"));
        Assert.Equal(13, _warehouse.Scalar<long>("select count(*) from intermediate.revenue_account_deals"));
    }

    [Fact]
    public void A_partner_win_after_the_renewal_closed_does_not_make_it_assisted()
    {
        Assert.Null(Reason("rC"));
        Assert.False(_warehouse.Scalar<bool>("select is_partner_assisted from intermediate.revenue_account_deals where opportunity_id = 'rC'"));
    }

    [Fact]
    public void Renewal_rate_is_renewals_won_over_renewals_closed_on_each_side()
    {
        Assert.Equal(1, Value<int>("partner_assisted_renewals_won", "2026-Q1"));
        Assert.Equal(1.0, Value<double>("partner_assisted_renewal_rate", "2026-Q1"), 1e-9);
        Assert.Null(Value<double?>("other_renewal_rate", "2026-Q1"));
        Assert.Equal(2, Value<int>("partner_assisted_renewals_won", "2026-Q2"));
        Assert.Equal(1, Value<int>("partner_assisted_renewals_lost", "2026-Q2"));
        Assert.Equal(2.0 / 3.0, Value<double>("partner_assisted_renewal_rate", "2026-Q2"), 1e-9);
        Assert.Equal(1, Value<int>("other_renewals_won", "2026-Q2"));
        Assert.Equal(2, Value<int>("other_renewals_lost", "2026-Q2"));
        Assert.Equal(1.0 / 3.0, Value<double>("other_renewal_rate", "2026-Q2"), 1e-9);
    }

    [Fact]
    public void Expansion_won_arr_is_split_between_assisted_and_other_accounts_with_zero_arr_wins_counted()
    {
        Assert.Equal(2, Value<int>("partner_assisted_expansions_won", "2026-Q2"));
        Assert.Equal(15_000.00m, Value<decimal>("partner_assisted_expansion_won_arr", "2026-Q2"));
        Assert.Equal(2, Value<int>("other_expansions_won", "2026-Q2"));
        Assert.Equal(5_000.50m, Value<decimal>("other_expansion_won_arr", "2026-Q2"));
    }

    [Fact]
    public void Quarters_with_nothing_closed_are_zero_filled_with_null_rates()
    {
        Assert.Equal(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"], _warehouse.Query<string>("select fiscal_quarter from marts.attach_and_renewal order by fiscal_quarter"));
        Assert.Equal(0, Value<int>("won_deals", "2026-Q3"));
        Assert.Null(Value<double?>("services_attach_share", "2026-Q3"));
        Assert.Null(Value<double?>("partner_assisted_renewal_rate", "2026-Q3"));
        Assert.Equal(0.00m, Value<decimal>("other_expansion_won_arr", "2026-Q3"));
    }
}
