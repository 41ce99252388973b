using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.tier_checklist over <see cref="TierChecklistDataset"/> (the hand computation is in its remarks).</summary>
public sealed class TierChecklistTests(TierChecklistDataset.Fixture fixture) : IClassFixture<TierChecklistDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Active_partners_get_their_tiers_criteria_and_the_next_tiers_every_quarter()
    {
        Assert.Equal(122L, _warehouse.Scalar<long>("select count(*) from marts.tier_checklist"));
        Assert.Equal(
            "ptn-a|2|5|4; ptn-b|3|5|4; ptn-c|3|5|4; ptn-d|2|5|4; ptn-e|2|4|0; ptn-f|2|1|5; ptn-g|2|1|5",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}', partner_id, quarters, current_rows, next_rows), '; ' order by partner_id) from ("
                + "select partner_id, count(distinct fiscal_quarter) as quarters, "
                + "count(*) filter (where role = 'current') // count(distinct fiscal_quarter) as current_rows, "
                + "count(*) filter (where role = 'next') // count(distinct fiscal_quarter) as next_rows "
                + "from marts.tier_checklist group by partner_id)"));
        Assert.Equal(0L, _warehouse.Scalar<long>("select count(*) from marts.tier_checklist where partner_id = 'ptn-h'"));
    }

    [Fact]
    public void A_value_exactly_at_the_threshold_is_met_with_full_progress_and_no_gap()
    {
        var row = Row("ptn-a", "2026-Q3", "select", "rolling_4q_credited_arr");
        Assert.Equal((100_000.0, 100_000.0, true, 100.0, 0.0, false), (row.Value!.Value, row.Threshold, row.IsMet!.Value, row.ProgressPct!.Value, row.GapToThreshold!.Value, row.IsWithinGrace!.Value));

        // ptn-e's four elite criteria are all exactly at their thresholds (CSAT (4 + 5) / 2 = 4.5)
        Assert.Equal(4L, _warehouse.Scalar<long>(
            "select count(*) from marts.tier_checklist where partner_id = 'ptn-e' and fiscal_quarter = '2026-Q3' and is_met and value = threshold"));
    }

    [Fact]
    public void Progress_is_value_over_threshold_and_the_gap_what_is_missing()
    {
        var arr = Row("ptn-a", "2026-Q3", "elite", "rolling_4q_credited_arr");
        Assert.Equal(100.0 / 3.0, arr.ProgressPct!.Value, 9); // 100,000 / 300,000
        Assert.Equal(200_000.0, arr.GapToThreshold!.Value, 9);
        Assert.False(arr.IsWithinGrace);

        var people = Row("ptn-a", "2026-Q3", "elite", "certified_people");
        Assert.Equal((2.0, 4.0, false, 50.0, 2.0), (people.Value!.Value, people.Threshold, people.IsMet!.Value, people.ProgressPct!.Value, people.GapToThreshold!.Value));
    }

    [Theory]
    [InlineData("ptn-b", "2026-Q2", 90_100.0, 9_900.0, true)]   // 9.9 % short: within the 10 % margin
    [InlineData("ptn-c", "2026-Q2", 89_900.0, 10_100.0, false)] // 10.1 % short: outside it
    [InlineData("ptn-c", "2026-Q3", 95_000.0, 5_000.0, true)]   // 89,900 + 5,100
    public void An_unmet_criterion_is_within_grace_only_when_less_than_the_margin_short(
        string partner, string quarter, double value, double gap, bool withinGrace)
    {
        var row = Row(partner, quarter, "select", "rolling_4q_credited_arr");
        Assert.Equal(value, row.Value!.Value, 6);
        Assert.False(row.IsMet);
        Assert.Equal(gap, row.GapToThreshold!.Value, 6);
        Assert.Equal(withinGrace, row.IsWithinGrace);
    }

    [Fact]
    public void An_unknown_value_is_not_judged_neither_met_nor_unmet()
    {
        // hygiene is known only for the snapshot's quarter, and only for ptn-a (its clean open deal: 1.0)
        var past = Row("ptn-a", "2026-Q3", "select", "hygiene_score");
        Assert.Equal((false, (double?)null, (bool?)null, (double?)null, (double?)null, (bool?)null),
            (past.IsJudged, past.Value, past.IsMet, past.ProgressPct, past.GapToThreshold, past.IsWithinGrace));
        var current = Row("ptn-a", "2026-Q4", "select", "hygiene_score");
        Assert.Equal((true, 1.0, true), (current.IsJudged, current.Value!.Value, current.IsMet!.Value));

        // no open deal: unknown even in the current quarter; no CSAT response: unknown
        Assert.False(Row("ptn-b", "2026-Q4", "select", "hygiene_score").IsJudged);
        Assert.False(Row("ptn-a", "2026-Q4", "elite", "avg_csat").IsJudged);
        Assert.Equal(3.8, Row("ptn-d", "2026-Q3", "select", "avg_csat").Value!.Value, 9); // 19 / 5
    }

    [Fact]
    public void Recent_proofs_count_only_the_types_asked_of_the_partners_type()
    {
        // ptn-e (tech): case_study and validated_integration count, marketplace_review and sow do not
        Assert.Equal(2.0, Row("ptn-e", "2026-Q3", "elite", "recent_proofs").Value);
        Assert.Equal(4L, _warehouse.Scalar<long>("select recent_proofs from marts.tier_inputs where partner_id = 'ptn-e' and fiscal_quarter = '2026-Q3'"));

        // ptn-g (services): its SOW counts
        Assert.Equal(1.0, Row("ptn-g", "2026-Q3", "select", "recent_proofs").Value);
    }

    [Fact]
    public void The_top_tier_has_no_next_tier_rows()
    {
        Assert.Equal(0L, _warehouse.Scalar<long>("select count(*) from marts.tier_checklist where tier = 'elite' and role = 'next'"));
        Assert.Equal(
            "avg_csat, certified_people, recent_proofs, rolling_4q_credited_arr",
            _warehouse.Scalar<string>(
                "select string_agg(criterion, ', ' order by criterion) from marts.tier_checklist where partner_id = 'ptn-e' and fiscal_quarter = '2026-Q4'"));
    }

    [Fact]
    public void Every_row_repeats_its_partner_quarters_recommendation()
    {
        Assert.Equal(
            "ptn-b|2026-Q2|grace|select; ptn-b|2026-Q3|downgrade|registered; ptn-b|2026-Q4|downgrade|registered",
            _warehouse.Scalar<string>(
                "select string_agg(distinct format('{}|{}|{}|{}', partner_id, fiscal_quarter, recommendation, recommended_tier), '; ' "
                + "order by format('{}|{}|{}|{}', partner_id, fiscal_quarter, recommendation, recommended_tier)) "
                + "from marts.tier_checklist where partner_id = 'ptn-b'"));
    }

    private ChecklistRow Row(string partner, string quarter, string evaluatedTier, string criterion) => _warehouse.Query<ChecklistRow>(
        "select value as Value, threshold as Threshold, is_judged as IsJudged, is_met as IsMet, progress_pct as ProgressPct, "
        + "gap_to_threshold as GapToThreshold, is_within_grace as IsWithinGrace from marts.tier_checklist "
        + "where partner_id = $partner and fiscal_quarter = $quarter and evaluated_tier = $evaluatedTier and criterion = $criterion",
        new { partner, quarter, evaluatedTier, criterion }).Single();

    private sealed record ChecklistRow(double? Value, double Threshold, bool IsJudged, bool? IsMet, double? ProgressPct, double? GapToThreshold, bool? IsWithinGrace);
}
