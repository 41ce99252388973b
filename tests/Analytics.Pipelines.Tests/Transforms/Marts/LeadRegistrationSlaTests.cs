using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.lead_registration_sla over the leads of <see cref="OpsRegistrationDataset"/>.</summary>
public sealed class LeadRegistrationSlaTests(OpsRegistrationDataset.Fixture fixture) : IClassFixture<OpsRegistrationDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Segment_comes_from_the_account_with_the_leads_domain_else_the_converted_opportunity_else_unknown()
    {
        Assert.Equal(
            "ld-01|smb|account_domain; ld-02|mid_market|converted_opportunity; ld-03|unknown|unknown; ld-04|smb|account_domain; "
            + "ld-05|smb|account_domain; ld-06|unknown|unknown",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}', lead_id, segment, segment_source), '; ' order by lead_id) from intermediate.ops_leads"));
        Assert.Equal(
            "mid_market|2026-Q3|1; smb|2026-Q3|3; unknown|2026-Q4|2",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}', segment, fiscal_quarter, submitted), '; ' order by segment) from marts.lead_registration_sla"));
    }

    [Fact]
    public void First_response_exactly_24_hours_later_is_within_the_sla_and_one_second_more_is_missed()
    {
        Assert.Equal(2, Value<long>("responded_within_24h", "smb"));
        Assert.Equal(1, Value<long>("response_missed_24h", "smb"));
        Assert.Equal(2.0 / 3, Value<double>("responded_within_24h_share", "smb"), 9);
        Assert.Equal(24.0, Value<double>("median_first_response_hours", "smb"), 9);
    }

    [Fact]
    public void Meeting_within_14_days_counts_declined_leads_as_missed_once_the_window_ends()
    {
        // ld-01 meets after exactly 14 days (met), ld-05 after 19 (missed), ld-04 was declined and never met (missed)
        Assert.Equal(1, Value<long>("meeting_within_14d", "smb"));
        Assert.Equal(2, Value<long>("meeting_missed_14d", "smb"));
        Assert.Equal(1.0 / 3, Value<double>("meeting_within_14d_share", "smb"), 9);
        Assert.Equal(1.0, Value<double>("meeting_within_14d_share", "mid_market"), 9);
    }

    [Fact]
    public void Unanswered_leads_inside_their_window_are_pending_and_leave_the_share_empty()
    {
        // ld-03 was submitted on the snapshot day (not yet due); ld-06 a day earlier, its 24 h ended before the cut-off
        Assert.Equal(1, Value<long>("pending_response_within_sla", "unknown"));
        Assert.Equal(1, Value<long>("response_missed_24h", "unknown"));
        Assert.Equal(0.0, Value<double>("responded_within_24h_share", "unknown"), 9);
        Assert.Equal(2, Value<long>("pending_meeting_within_sla", "unknown"));
        Assert.Null(Value<double?>("meeting_within_14d_share", "unknown"));
        Assert.Null(Value<double?>("approval_rate", "unknown"));
        Assert.Equal(2, Value<long>("pending", "unknown"));
    }

    [Fact]
    public void Approval_rate_is_approved_over_approved_plus_declined()
    {
        Assert.Equal(2.0 / 3, Value<double>("approval_rate", "smb"), 9);
        Assert.Equal(1.0, Value<double>("approval_rate", "mid_market"), 9);
    }

    private T Value<T>(string column, string segment) => _warehouse.Scalar<T>(
        $"select {column} from marts.lead_registration_sla where partner_id = 'ptn-02' and segment = $segment", new { segment });
}
