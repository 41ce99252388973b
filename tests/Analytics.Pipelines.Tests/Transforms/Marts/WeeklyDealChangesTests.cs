using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.weekly_deal_changes and marts.recent_registrations over <see cref="WeeklyChangesDataset"/> (hand computation in
/// its remarks): two snapshots a week apart, built as of Saturday 2026-11-21.
/// </summary>
public sealed class WeeklyDealChangesTests(WeeklyDealChangesTests.Fixture fixture) : IClassFixture<WeeklyDealChangesTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(
        [
            (WeeklyChangesDataset.Previous, WeeklyChangesDataset.PreviousRecords()),
            (WeeklyChangesDataset.Current, WeeklyChangesDataset.CurrentRecords()),
        ]);

        public void Dispose() => Warehouse.Dispose();
    }

    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private List<string> Changes(string change) => _warehouse.Query<string>(
        "select opportunity_id || '/' || partner_id from marts.weekly_deal_changes where change = $change order by 1", new { change }).ToList();

    [Fact]
    public void New_deals_are_those_absent_from_the_previous_weeks_snapshot()
    {
        Assert.Equal(["o-aspen/pa1", "o-garnet/pb1"], Changes("new"));
    }

    [Fact]
    public void Won_and_lost_deals_are_those_closed_since_open_or_absent_then_and_long_won_deals_are_not_repeated()
    {
        Assert.Equal(["o-beech/pa1", "o-garnet/pb1"], Changes("won"));
        Assert.Equal(["o-cobalt/pb1"], Changes("lost"));
    }

    [Fact]
    public void A_slip_is_a_close_date_moved_later_on_a_deal_open_both_weeks_one_row_per_partner_and_pulled_in_is_not_a_slip()
    {
        Assert.Equal(["o-delta/pa2", "o-delta/pb1"], Changes("slipped"));
        Assert.Equal("2026-11-28", _warehouse.Scalar<string>(
            "select cast(previous_close_date as varchar) from marts.weekly_deal_changes where opportunity_id = 'o-delta' and partner_id = 'pa2'"));
        Assert.Equal(7L, _warehouse.Scalar<long>("select count(*) from marts.weekly_deal_changes"));
    }

    [Fact]
    public void Every_row_names_the_snapshot_it_compares_with()
    {
        Assert.Equal("2026-11-14", _warehouse.Scalar<string>("select distinct cast(previous_snapshot_date as varchar) from marts.weekly_deal_changes"));
    }

    [Fact]
    public void New_registrations_this_week_start_on_the_weeks_monday_not_six_days_before_the_snapshot()
    {
        var thisWeek = _warehouse.Query<string>(
            "select registration_id from marts.recent_registrations where is_submitted_this_week order by registration_id").ToList();
        var listed = _warehouse.Query<string>("select registration_id from marts.recent_registrations order by registration_id").ToList();

        Assert.Equal(["reg-b", "reg-mon"], thisWeek);
        Assert.Equal(["reg-b", "reg-mon", "reg-old-pending"], listed); // reg-sun (Sunday 15 Nov) is the week before
    }
}
