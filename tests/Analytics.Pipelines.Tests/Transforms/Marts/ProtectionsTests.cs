using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.expiring_protections and marts.expired_protections over <see cref="OpsRegistrationDataset"/>.</summary>
public sealed class ProtectionsTests(OpsRegistrationDataset.Fixture fixture) : IClassFixture<OpsRegistrationDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Reminder_list_holds_approved_protections_ending_from_the_snapshot_date_to_seven_days_after_it()
    {
        // dr-15 ends on the snapshot date, dr-06 exactly 7 days after; dr-08 (8 days) and dr-01 (converted) are not listed
        Assert.Equal(
            "dr-15|2026-10-07|0|ptn-02|ana.manager@vendor.example|acc-03; dr-06|2026-10-14|7|ptn-01|ana.manager@vendor.example|acc-02",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}|{}|{}', registration_id, protection_end, days_left, partner_id, partner_manager_email, account_id), '; ' "
                + "order by protection_end) from marts.expiring_protections"));
    }

    [Fact]
    public void Expired_protections_list_lapsed_windows_without_an_opportunity_including_approved_ones_past_their_end()
    {
        // dr-12 expired too, but it has an opportunity (opp-02): not listed
        Assert.Equal(
            "dr-03|expired|2026-Q3|7; dr-11|expired|2026-Q3|34; dr-14|approved|2026-Q4|1",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}', registration_id, status, expired_quarter, days_since_end), '; ' order by registration_id) "
                + "from marts.expired_protections"));
        Assert.Equal(1, _warehouse.Scalar<long>("select extension_count from marts.expired_protections where registration_id = 'dr-14'"));
    }
}
