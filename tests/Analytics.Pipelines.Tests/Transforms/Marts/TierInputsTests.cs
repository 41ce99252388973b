using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.tier_inputs over <see cref="OpsTierDataset"/>.</summary>
public sealed class TierInputsTests(OpsTierDataset.Fixture fixture) : IClassFixture<OpsTierDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Rows_run_from_the_quarter_the_partner_joined_to_the_snapshots_quarter()
    {
        Assert.Equal(
            "ptn-01|2025-Q1|2026-Q4|8|select|reseller; ptn-02|2026-Q2|2026-Q4|3|registered|services; ptn-03|2026-Q3|2026-Q4|2|registered|tech",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}|{}|{}', partner_id, first, last, n, tier, partner_type), '; ' order by partner_id) from ("
                + "select partner_id, min(fiscal_quarter) as first, max(fiscal_quarter) as last, count(*) as n, any_value(tier) as tier, "
                + "any_value(partner_type) as partner_type from marts.tier_inputs group by partner_id)"));
        Assert.Equal("2026-Q4", _warehouse.Scalar<string>("select fiscal_quarter from marts.tier_inputs where partner_id = 'ptn-01' and is_current"));
    }

    [Fact]
    public void Rolling_credited_arr_sums_four_quarters_and_drops_the_fifth_oldest()
    {
        Assert.Equal(
            "2025-Q1|0.00|0.00|0.00; 2025-Q2|10000.00|10000.00|0.00; 2025-Q3|20000.00|20000.00|0.00; 2025-Q4|30000.00|20000.00|10000.00; "
            + "2026-Q1|38000.00|28000.00|10000.00; 2026-Q2|35407.40|25407.40|10000.00; 2026-Q3|25407.40|15407.40|10000.00; "
            + "2026-Q4|20407.40|20407.40|0.00",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}', fiscal_quarter, cast(rolling_4q_credited_arr as varchar), cast(rolling_4q_sourced_arr as varchar), "
                + "cast(rolling_4q_influenced_arr as varchar)), '; ' "
                + "order by fiscal_quarter) from marts.tier_inputs where partner_id = 'ptn-01'"));
        Assert.Equal(35_407.40m, _warehouse.Scalar<decimal>(
            "select rolling_4q_credited_arr from marts.tier_inputs where partner_id = 'ptn-01' and fiscal_quarter = '2026-Q2'"));
    }

    [Fact]
    public void A_partner_row_without_attribution_earns_no_credited_arr()
    {
        Assert.Equal(4_938.27m, Value<decimal>("rolling_4q_credited_arr", "ptn-02", "2026-Q4"));
        Assert.Equal(0m, Value<decimal>("rolling_4q_sourced_arr", "ptn-02", "2026-Q4"));
    }

    [Fact]
    public void Average_csat_covers_the_four_quarters_and_is_null_for_a_partner_without_responses()
    {
        Assert.Null(Value<double?>("avg_csat", "ptn-01", "2025-Q1"));
        Assert.Equal(5.0, Value<double>("avg_csat", "ptn-01", "2025-Q2"), 9);
        Assert.Equal(3.5, Value<double>("avg_csat", "ptn-01", "2026-Q2"), 9);
        Assert.Equal(2, Value<long>("csat_responses", "ptn-01", "2026-Q2"));
        Assert.Equal(3.0, Value<double>("avg_csat", "ptn-01", "2026-Q4"), 9);
        Assert.Null(Value<double?>("avg_csat", "ptn-02", "2026-Q4"));
        Assert.Equal(0, Value<long>("csat_responses", "ptn-02", "2026-Q4"));
    }

    [Fact]
    public void A_certification_expiring_inside_the_quarter_does_not_count_and_one_expiring_after_it_does()
    {
        Assert.Equal(
            "2025-Q1|1; 2025-Q2|1; 2025-Q3|1; 2025-Q4|1; 2026-Q1|2; 2026-Q2|2; 2026-Q3|3; 2026-Q4|3",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}', fiscal_quarter, certified_people), '; ' order by fiscal_quarter) "
                + "from marts.tier_inputs where partner_id = 'ptn-01'"));

        // 2026-Q3 counts b, d (expires 2026-10-05, after the quarter end) and f, but not a (expired 2026-08-15 inside it);
        // 2026-Q4, judged at the cut-off, counts b, c (earned 2026-10-05) and f (expires 2026-11-01, after the cut-off), no longer d
        Assert.Equal(1, Value<long>("certified_people", "ptn-02", "2026-Q2"));
    }

    [Fact]
    public void Recent_proofs_and_their_types_cover_the_four_quarters()
    {
        Assert.Equal(
            "2025-Q1|0|false; 2025-Q2|1|true; 2025-Q3|1|true; 2025-Q4|1|true; 2026-Q1|2|true; 2026-Q2|1|false; 2026-Q3|1|false; 2026-Q4|1|false",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}', fiscal_quarter, recent_proofs, has_case_study), '; ' order by fiscal_quarter) "
                + "from marts.tier_inputs where partner_id = 'ptn-01'"));
        Assert.False(Value<bool>("has_sow", "ptn-02", "2026-Q2"));
        Assert.True(Value<bool>("has_sow", "ptn-02", "2026-Q3"));
        Assert.True(Value<bool>("has_validated_integration", "ptn-03", "2026-Q4"));
    }

    [Fact]
    public void Hygiene_score_is_known_only_for_the_snapshots_quarter()
    {
        Assert.Equal(1.0, Value<double>("hygiene_score", "ptn-01", "2026-Q4"), 9);
        Assert.Null(Value<double?>("hygiene_score", "ptn-01", "2026-Q3"));
        Assert.Null(Value<double?>("hygiene_score", "ptn-02", "2026-Q4"));
    }

    private T Value<T>(string column, string partner, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.tier_inputs where partner_id = $partner and fiscal_quarter = $quarter", new { partner, quarter });
}
