using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.stage_durations and intermediate.stage_intervals over <see cref="RevenueStagesDataset"/> (hand computation in
/// its remarks).
/// </summary>
public sealed class StageDurationsTests(RevenueStagesDataset.Fixture fixture) : IClassFixture<RevenueStagesDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string motion, int stageIndex) => _warehouse.Scalar<T>(
        $"select {column} from marts.stage_durations where motion = $motion and stage_index = $stage", new { motion, stage = stageIndex });

    [Fact]
    public void Time_in_stage_runs_from_entering_it_to_entering_the_next_entry()
    {
        Assert.Equal(5, Value<int>("transitions", "direct", 1));
        Assert.Equal(3.0, Value<double>("median_days", "direct", 1), 1e-9);
        Assert.Equal(4.0, Value<double>("p75_days", "direct", 1), 1e-9);
        Assert.Equal(3.2, Value<double>("mean_days", "direct", 1), 1e-9);
        Assert.Equal(3, Value<int>("transitions", "direct", 2));
        Assert.Equal(3.0, Value<double>("median_days", "direct", 2), 1e-9);
        Assert.Equal(4.5, Value<double>("p75_days", "direct", 2), 1e-9);
        Assert.Equal(8.0, Value<double>("median_days", "direct", 4), 1e-9);
    }

    [Fact]
    public void Fractional_days_and_stages_entered_at_the_same_instant_are_measured_exactly()
    {
        Assert.Equal(0.5, Value<double>("median_days", "reseller", 1), 1e-9);
        Assert.Equal(1.0, Value<double>("p75_days", "reseller", 1), 1e-9);
        Assert.Equal(2.0, Value<double>("median_days", "reseller", 2), 1e-9);
        Assert.Equal(2.5, Value<double>("p75_days", "reseller", 2), 1e-9);
        Assert.Equal(0.5, Value<double>("median_days", "reseller", 5), 1e-9);
        Assert.Equal("deal_registration", _warehouse.Scalar<string>("select stage from intermediate.stage_intervals where opportunity_id = 's8' and entry_number = 1"));
        Assert.Equal(0.0, _warehouse.Scalar<double>("select duration_days from intermediate.stage_intervals where opportunity_id = 's8' and entry_number = 1"), 1e-9);
    }

    [Fact]
    public void The_stage_an_open_deal_is_in_now_has_no_duration_and_counts_as_in_stage_now()
    {
        Assert.Equal(2, Value<int>("in_stage_now", "direct", 2));
        Assert.Equal(2, Value<int>("in_stage_now", "reseller", 3));
        Assert.Equal(1, Value<int>("transitions", "reseller", 3));
        Assert.Equal(1.0, Value<double>("median_days", "reseller", 3), 1e-9);
        Assert.Null(_warehouse.Scalar<double?>("select duration_days from intermediate.stage_intervals where opportunity_id = 's3' and entry_number = 2"));
    }

    [Fact]
    public void Closed_stages_are_not_reported_but_end_the_stage_before_them()
    {
        Assert.Equal(0, _warehouse.Scalar<long>("select count(*) from marts.stage_durations where stage_index not between 1 and 5"));
        Assert.Equal(1.0, Value<double>("median_days", "direct", 5), 1e-9);
        Assert.Equal("closed_won", _warehouse.Scalar<string>("select next_stage from intermediate.stage_intervals where opportunity_id = 's1' and entry_number = 5"));
        Assert.Null(_warehouse.Scalar<double?>("select duration_days from intermediate.stage_intervals where opportunity_id = 's1' and entry_number = 6"));
    }

    [Fact]
    public void Renewals_are_left_out()
    {
        Assert.Equal(3, Value<int>("transitions", "reseller", 1));
        Assert.Equal(10, _warehouse.Scalar<long>("select count(*) from marts.stage_durations"));
        Assert.Equal(30, _warehouse.Scalar<long>("select count(*) from intermediate.stage_intervals"));
    }

    [Fact]
    public void A_lost_deal_with_no_stage_history_counts_in_win_rates_and_not_in_stage_durations()
    {
        Assert.Equal(0, _warehouse.Scalar<long>("select count(*) from intermediate.stage_intervals where opportunity_id = 's4'"));
        Assert.Equal(2, _warehouse.Scalar<int>("select lost from marts.win_rates where motion = 'direct' and fiscal_quarter = '2026-Q2'"));
        Assert.Equal(1, _warehouse.Scalar<int>("select won from marts.win_rates where motion = 'direct' and fiscal_quarter = '2026-Q2'"));
        Assert.Equal(5, Value<int>("transitions", "direct", 1));
    }

    [Fact]
    public void Each_stage_compares_its_median_with_directs_same_stage()
    {
        Assert.Equal(0.0, Value<double>("delta_vs_direct_median_days", "direct", 1), 1e-9);
        Assert.Equal(-2.5, Value<double>("delta_vs_direct_median_days", "reseller", 1), 1e-9);
        Assert.Equal(-1.0, Value<double>("delta_vs_direct_median_days", "reseller", 2), 1e-9);
    }
}
