using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.tier_reviews over <see cref="TierChecklistDataset"/> (the hand computation is in its remarks).</summary>
public sealed class TierChecklistReviewsTests(TierChecklistDataset.Fixture fixture) : IClassFixture<TierChecklistDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void One_review_per_active_partner_and_quarter()
    {
        Assert.Equal(16L, _warehouse.Scalar<long>("select count(*) from marts.tier_reviews"));
        Assert.Equal(0L, _warehouse.Scalar<long>("select count(*) from marts.tier_reviews where partner_id = 'ptn-h'"));
        Assert.Equal(7L, _warehouse.Scalar<long>("select count(*) from marts.tier_reviews where is_current"));
    }

    [Theory]
    [InlineData("ptn-a", "hold hold")]                     // every judged criterion met, ARR exactly at the threshold
    [InlineData("ptn-b", "grace downgrade downgrade")]     // 9.9 % short three quarters running: grace lasts one quarter
    [InlineData("ptn-c", "downgrade grace downgrade")]     // 10.1 % short, then 5 % short (first narrow miss), then again
    [InlineData("ptn-d", "downgrade downgrade")]           // two criteria 5 % short each
    [InlineData("ptn-e", "hold hold")]                     // top tier, every criterion at its threshold
    [InlineData("ptn-f", "hold hold")]                     // misses the entry tier's criterion: never downgraded
    [InlineData("ptn-g", "upgrade upgrade")]               // meets every judged criterion of select
    public void Recommendations_follow_the_review_rules_quarter_by_quarter(string partner, string expected)
    {
        Assert.Equal(expected, _warehouse.Scalar<string>(
            "select string_agg(recommendation, ' ' order by quarter_number) from marts.tier_reviews where partner_id = $partner", new { partner }));
    }

    [Theory]
    [InlineData("ptn-b", "0 1 2")]   // grace, downgrade, downgrade: two quarters running, still select
    [InlineData("ptn-c", "1 0 1")]   // downgrade, grace, downgrade: grace breaks the streak
    [InlineData("ptn-d", "1 2")]     // downgrade in both quarters reviewed
    [InlineData("ptn-a", "0 0")]
    public void Repeated_downgrade_recommendations_are_counted_as_a_streak(string partner, string expected)
    {
        Assert.Equal(expected, _warehouse.Scalar<string>(
            "select string_agg(cast(downgrade_streak_quarters as varchar), ' ' order by quarter_number) from marts.tier_reviews where partner_id = $partner",
            new { partner }));
    }

    [Theory]
    [InlineData("ptn-a", "2026-Q3", "select|3|3|-|elite|3|0|hold|select")]
    [InlineData("ptn-a", "2026-Q4", "select|4|4|-|elite|3|0|hold|select")]
    [InlineData("ptn-b", "2026-Q3", "select|3|2|rolling_4q_credited_arr|elite|3|0|downgrade|registered")]
    [InlineData("ptn-d", "2026-Q3", "select|4|2|avg_csat, rolling_4q_credited_arr|elite|4|0|downgrade|registered")]
    [InlineData("ptn-e", "2026-Q3", "elite|4|4|-|-|0|0|hold|elite")]
    [InlineData("ptn-f", "2026-Q3", "registered|1|0|certified_people|select|3|0|hold|registered")]
    [InlineData("ptn-g", "2026-Q4", "registered|1|1|-|select|3|3|upgrade|select")]
    public void A_review_counts_judged_and_met_criteria_of_both_tiers(string partner, string quarter, string expected)
    {
        Assert.Equal(expected, _warehouse.Scalar<string>(
            "select format('{}|{}|{}|{}|{}|{}|{}|{}|{}', tier, criteria_judged_current, criteria_met_current, coalesce(missed_criteria, '-'), "
            + "coalesce(next_tier, '-'), criteria_judged_next, criteria_met_next, recommendation, recommended_tier) "
            + "from marts.tier_reviews where partner_id = $partner and fiscal_quarter = $quarter", new { partner, quarter }));
    }

    [Theory]
    [InlineData("ptn-a", "certified_people", "needs 2 more certified people")]                    // 50 % ties with proofs; by name
    [InlineData("ptn-f", "rolling_4q_credited_arr", "needs $60,000 more credited ARR in the four quarters")] // 40 % against 0 %
    [InlineData("ptn-d", "avg_csat", "needs average CSAT 0.70 higher (to 4.5)")]                 // 3.8 / 4.5 = 84.4 % beats 50 % and 31.7 %
    public void The_nearest_gap_to_the_next_tier_is_said_in_words(string partner, string criterion, string words)
    {
        Assert.Equal($"{criterion}|{words}", _warehouse.Scalar<string>(
            "select nearest_gap_criterion || '|' || nearest_gap from marts.tier_reviews where partner_id = $partner and is_current", new { partner }));
    }

    [Fact]
    public void No_nearest_gap_when_the_target_tier_is_met()
    {
        // ptn-e meets its own (top) tier, ptn-g the next one
        Assert.Equal(0L, _warehouse.Scalar<long>(
            "select count(*) from marts.tier_reviews where partner_id in ('ptn-e', 'ptn-g') and (nearest_gap is not null or nearest_gap_criterion is not null)"));
    }
}
