using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.registration_sla and marts.registration_decline_reasons over <see cref="OpsRegistrationDataset"/>.</summary>
public sealed class RegistrationSlaTests(OpsRegistrationDataset.Fixture fixture) : IClassFixture<OpsRegistrationDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void A_decision_exactly_48_hours_after_submission_is_within_the_sla_and_one_second_later_is_missed()
    {
        Assert.Equal("met", Status("dr-01"));
        Assert.Equal(48.0, _warehouse.Scalar<double>("select decision_hours from intermediate.ops_registrations where registration_id = 'dr-01'"), 9);
        Assert.Equal("missed", Status("dr-02"));
    }

    [Fact]
    public void A_pending_registration_is_not_yet_due_inside_its_window_and_missed_once_48_hours_passed_before_the_cut_off()
    {
        Assert.Equal("not_yet_due", Status("dr-07"));
        Assert.Equal("not_yet_due", Status("dr-09"));   // due exactly at the cut-off: a decision then would still be on time
        Assert.Equal("missed", Status("dr-10"));
        Assert.Equal("missed", Status("dr-05"));
    }

    [Fact]
    public void Counts_split_submitted_registrations_into_decisions_and_sla_outcomes()
    {
        Assert.Equal((6L, 5L, 3L, 2L, 1L), Counts("ptn-01", "2026-Q3"));
        Assert.Equal((4L, 1L, 1L, 0L, 3L), Counts("ptn-01", "2026-Q4"));
        Assert.Equal((6L, 6L, 4L, 2L, 0L), Counts("ptn-02", "2026-Q3"));
        Assert.Equal((3L, 3L, 1L, 2L, 0L), Counts("ptn-03", "2026-Q2"));
        Assert.Equal(4, _warehouse.Scalar<long>("select count(*) from marts.registration_sla"));
    }

    [Fact]
    public void Share_within_48h_leaves_registrations_not_yet_due_out_of_the_denominator()
    {
        Assert.Equal(4.0 / 6, Value<double>("decided_within_48h_share", "ptn-01", "2026-Q3"), 9);
        Assert.Equal(2, Value<long>("missed_48h", "ptn-01", "2026-Q3"));

        // ptn-01 2026-Q4: dr-08 met, dr-10 missed, dr-07 and dr-09 pending
        Assert.Equal(1, Value<long>("decided_within_48h", "ptn-01", "2026-Q4"));
        Assert.Equal(1, Value<long>("missed_48h", "ptn-01", "2026-Q4"));
        Assert.Equal(2, Value<long>("pending_within_sla", "ptn-01", "2026-Q4"));
        Assert.Equal(0.5, Value<double>("decided_within_48h_share", "ptn-01", "2026-Q4"), 9);

        Assert.Equal(5.0 / 6, Value<double>("decided_within_48h_share", "ptn-02", "2026-Q3"), 9);
        Assert.Equal(1.0, Value<double>("decided_within_48h_share", "ptn-03", "2026-Q2"), 9);
    }

    [Fact]
    public void Approval_rate_counts_converted_and_expired_registrations_as_approved_and_leaves_pending_ones_out()
    {
        // dr-01 converted, dr-03 expired, dr-06 approved over those plus dr-02 and dr-04 declined; dr-05 pending is out
        Assert.Equal(3.0 / 5, Value<double>("approval_rate", "ptn-01", "2026-Q3"), 9);
        Assert.Equal(4.0 / 6, Value<double>("approval_rate", "ptn-02", "2026-Q3"), 9);
        Assert.Equal(1.0 / 3, Value<double>("approval_rate", "ptn-03", "2026-Q2"), 9);
        Assert.Equal(1.0, Value<double>("approval_rate", "ptn-01", "2026-Q4"), 9);
    }

    [Fact]
    public void Median_decision_hours_interpolate_over_decided_registrations()
    {
        Assert.Equal(24.0, Value<double>("median_decision_hours", "ptn-01", "2026-Q3"), 9);
        Assert.Equal(3.0, Value<double>("median_decision_hours", "ptn-02", "2026-Q3"), 9);
        Assert.Equal(12.0, Value<double>("median_decision_hours", "ptn-03", "2026-Q2"), 9);
        Assert.Equal(24.0, Value<double>("median_decision_hours", "ptn-01", "2026-Q4"), 9);
    }

    [Fact]
    public void Decline_reasons_rank_by_count_within_the_quarter_with_ties_sharing_a_rank()
    {
        var rows = _warehouse.Scalar<string>(
            "select string_agg(format('{}|{}|{}|{}|{}', fiscal_quarter, decline_reason, declined, round(share_of_declined, 4), rank), '; ' "
            + "order by fiscal_quarter, rank, decline_reason) from marts.registration_decline_reasons");
        Assert.Equal(
            "2026-Q2|duplicate|1|0.5|1; 2026-Q2|not_qualified|1|0.5|1; "
            + "2026-Q3|duplicate|2|0.5|1; 2026-Q3|not_qualified|1|0.25|2; 2026-Q3|unspecified|1|0.25|2",
            rows);
    }

    private string Status(string registrationId) => _warehouse.Scalar<string>(
        "select decision_sla_status from intermediate.ops_registrations where registration_id = $registrationId", new { registrationId });

    private T Value<T>(string column, string partner, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.registration_sla where partner_id = $partner and fiscal_quarter = $quarter", new { partner, quarter });

    private (long Submitted, long Decided, long Approved, long Declined, long Undecided) Counts(string partner, string quarter) =>
        (Value<long>("submitted", partner, quarter), Value<long>("decided", partner, quarter), Value<long>("approved", partner, quarter),
            Value<long>("declined", partner, quarter), Value<long>("undecided", partner, quarter));
}
