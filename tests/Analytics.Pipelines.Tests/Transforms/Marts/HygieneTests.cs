using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.hygiene_findings, marts.hygiene_scores_partner and marts.hygiene_scores_manager over <see cref="OpsHygieneDataset"/>.</summary>
public sealed class HygieneTests(OpsHygieneDataset.Fixture fixture) : IClassFixture<OpsHygieneDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void A_deal_with_several_findings_repeats_each_deal_level_finding_for_both_partners()
    {
        Assert.Equal(
            "ptn-01|no_recent_activity; ptn-01|reseller_without_registration; ptn-01|stale_next_step; "
            + "ptn-02|missing_attribution; ptn-02|no_recent_activity; ptn-02|reseller_without_registration; ptn-02|stale_next_step",
            Findings("opp-01"));
    }

    [Fact]
    public void Details_carry_the_numbers()
    {
        Assert.Equal("next step 19 days old (last updated 2026-09-18)", Detail("opp-01", "ptn-01", "stale_next_step"));
        Assert.Equal(19.5, _warehouse.Scalar<double>(
            "select age_days from marts.hygiene_findings where opportunity_id = 'opp-01' and partner_id = 'ptn-01' and finding = 'stale_next_step'"), 9);
        Assert.Equal("no activity for 28 days (last on 2026-09-10)", Detail("opp-01", "ptn-02", "no_recent_activity"));
        Assert.Equal("services row has no attribution or attribution_pct", Detail("opp-01", "ptn-02", "missing_attribution"));
        Assert.Equal("services row has no attribution_pct", Detail("opp-10", "ptn-02", "missing_attribution"));
        Assert.Equal("motion is blank", Detail("opp-06", "ptn-03", "missing_motion"));
    }

    [Fact]
    public void A_next_step_updated_exactly_seven_days_before_the_cut_off_is_not_stale_and_one_second_earlier_is()
    {
        Assert.Equal(string.Empty, Findings("opp-04"));
        Assert.Equal("ptn-03|stale_next_step", Findings("opp-05"));   // its activity, exactly 14 days old, is not a finding
        Assert.Equal("next step 7 days old (last updated 2026-09-30)", Detail("opp-05", "ptn-03", "stale_next_step"));
    }

    [Fact]
    public void Direct_and_closed_deals_never_get_a_finding_and_renewals_need_no_registration()
    {
        Assert.Equal(string.Empty, Findings("opp-02"));
        Assert.Equal(string.Empty, Findings("opp-03"));
        Assert.Equal(string.Empty, Findings("opp-08"));
        Assert.Equal(string.Empty, Findings("opp-09"));
        Assert.Equal(12, _warehouse.Scalar<long>("select count(*) from marts.hygiene_findings"));
    }

    [Fact]
    public void A_partner_motion_without_a_partner_row_is_charged_to_no_partner()
    {
        Assert.Equal("-|missing_partner; -|stale_next_step", Findings("opp-07"));
        Assert.Equal("services motion but no partner attached", Detail("opp-07", null, "missing_partner"));
        Assert.Equal("next step never updated", Detail("opp-07", null, "stale_next_step"));
    }

    [Fact]
    public void Partner_score_is_the_share_of_its_open_partner_deals_without_a_finding_and_null_without_deals()
    {
        Assert.Equal(
            "ptn-01|3|1|0.666667|0|0|1|1|1; ptn-02|2|2|0.0|0|2|1|1|1; ptn-03|3|2|0.333333|1|0|0|1|0; ptn-04|0|0|null|0|0|0|0|0",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}|{}|{}|{}|{}|{}', partner_id, open_partner_opportunities, with_findings, "
                + "coalesce(cast(round(hygiene_score, 6) as varchar), 'null'), missing_motion_count, missing_attribution_count, "
                + "reseller_without_registration_count, stale_next_step_count, no_recent_activity_count), '; ' order by partner_id) "
                + "from marts.hygiene_scores_partner"));
    }

    [Fact]
    public void Manager_score_counts_each_deal_of_the_managers_partners_once()
    {
        Assert.Equal(
            "ana.manager@vendor.example|2|4|2|0.5; ben.manager@vendor.example|2|3|2|0.333333",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}|{}', partner_manager_email, partners, open_partner_opportunities, with_findings, "
                + "round(hygiene_score, 6)), '; ' order by partner_manager_email) from marts.hygiene_scores_manager"));
    }

    private string Findings(string opportunityId) => _warehouse.Scalar<string?>(
        "select string_agg(coalesce(partner_id, '-') || '|' || finding, '; ' order by coalesce(partner_id, '-'), finding) "
        + "from marts.hygiene_findings where opportunity_id = $opportunityId", new { opportunityId }) ?? string.Empty;

    private string Detail(string opportunityId, string? partnerId, string finding) => _warehouse.Scalar<string>(
        "select detail from marts.hygiene_findings where opportunity_id = $opportunityId and partner_id is not distinct from $partnerId and finding = $finding",
        new { opportunityId, partnerId, finding });
}
