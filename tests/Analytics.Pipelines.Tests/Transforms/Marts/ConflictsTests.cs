using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.conflicts_quarterly, marts.conflict_rate_quarterly and marts.conflict_signals over <see cref="OpsConflictDataset"/>.</summary>
public sealed class ConflictsTests(OpsConflictDataset.Fixture fixture) : IClassFixture<OpsConflictDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Five_business_days_from_a_friday_end_the_next_friday_at_the_same_time()
    {
        Assert.Equal(new DateTime(2026, 9, 11, 10, 0, 0), DueAt("cfl-01"));
        Assert.Equal("met", ResolveStatus("cfl-01"));      // resolved Thursday
        Assert.Equal("missed", ResolveStatus("cfl-02"));   // resolved Friday afternoon
    }

    [Fact]
    public void A_conflict_opened_on_a_saturday_counts_five_business_days_from_the_next_monday()
    {
        Assert.Equal(new DateTime(2026, 9, 14, 0, 0, 0), DueAt("cfl-03"));
        Assert.Equal("met", ResolveStatus("cfl-03"));      // resolved Friday 23:00
        Assert.Equal("missed", ResolveStatus("cfl-04"));   // resolved the Monday after, 09:00
    }

    [Fact]
    public void An_unacknowledged_conflict_younger_than_24_hours_is_not_yet_due()
    {
        Assert.Equal(0, Value<long>("acknowledged_within_24h", "2026-Q4", "vertical", "pricing"));
        Assert.Equal(1, Value<long>("acknowledge_missed_24h", "2026-Q4", "vertical", "pricing"));
        Assert.Equal(1, Value<long>("pending_acknowledge_within_sla", "2026-Q4", "vertical", "pricing"));
        Assert.Equal(0.0, Value<double>("acknowledged_24h_share", "2026-Q4", "vertical", "pricing"), 9);
        Assert.Equal(2, Value<long>("pending_resolve_within_sla", "2026-Q4", "vertical", "pricing"));
        Assert.Null(Value<double?>("resolved_5bd_share", "2026-Q4", "vertical", "pricing"));
        Assert.Null(Value<double?>("median_resolution_days", "2026-Q4", "vertical", "pricing"));
    }

    [Fact]
    public void Quarterly_shares_and_median_resolution_days_by_type_and_cause()
    {
        Assert.Equal(1.0, Value<double>("acknowledged_24h_share", "2026-Q3", "vertical", "territory_overlap"), 9);
        Assert.Equal(0.5, Value<double>("resolved_5bd_share", "2026-Q3", "vertical", "territory_overlap"), 9);
        Assert.Equal((6.0 + 7.0 + 5.0 / 24) / 2, Value<double>("median_resolution_days", "2026-Q3", "vertical", "territory_overlap"), 9);

        Assert.Equal(0.5, Value<double>("acknowledged_24h_share", "2026-Q3", "horizontal", "duplicate_registration"), 9);
        Assert.Equal(0.5, Value<double>("resolved_5bd_share", "2026-Q3", "horizontal", "duplicate_registration"), 9);
        Assert.Equal((6.0 + 8.0 / 24 + 8.0 + 18.0 / 24) / 2, Value<double>("median_resolution_days", "2026-Q3", "horizontal", "duplicate_registration"), 9);

        Assert.Equal(0.0, Value<double>("resolved_5bd_share", "2026-Q2", "multi_channel", "unclear_rules"), 9);
        Assert.Equal(0, Value<long>("resolved", "2026-Q2", "multi_channel", "unclear_rules"));
        Assert.Equal(4, _warehouse.Scalar<long>("select count(*) from marts.conflicts_quarterly"));
    }

    [Fact]
    public void Conflicts_per_100_registrations_zero_fill_every_quarter_of_the_spine()
    {
        Assert.Equal(
            "2025-Q1|0|0|null; 2025-Q2|0|0|null; 2025-Q3|0|0|null; 2025-Q4|1|0|0.0; 2026-Q1|0|0|null; "
            + "2026-Q2|1|1|100.0; 2026-Q3|7|4|57.142857; 2026-Q4|1|2|200.0",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}', fiscal_quarter, registrations_submitted, conflicts_opened, "
                + "coalesce(cast(round(conflicts_per_100_registrations, 6) as varchar), 'null')), '; ' order by fiscal_quarter) "
                + "from marts.conflict_rate_quarterly"));
    }

    [Fact]
    public void Signals_list_accounts_with_open_deal_overlaps_and_overlapping_running_protections()
    {
        Assert.Equal(
            "direct_vs_partner|acc-01|opp-11,opp-12|ptn-01; "
            + "overlapping_protection|acc-03||ptn-01,ptn-02; "
            + "overlapping_protection|acc-05|opp-51|ptn-01,ptn-03; "
            + "two_opportunities_one_account|acc-01|opp-11,opp-12|ptn-01; "
            + "two_opportunities_one_account|acc-02|opp-21,opp-22|; "
            + "two_opportunities_one_account|acc-05|opp-51,opp-52|ptn-01,ptn-03",
            _warehouse.Scalar<string>(
                "select string_agg(format('{}|{}|{}|{}', signal, account_id, array_to_string(opportunity_ids, ','), array_to_string(partner_ids, ',')), '; ' "
                + "order by signal, account_id) from marts.conflict_signals"));
    }

    [Fact]
    public void Signal_details_read_as_sentences()
    {
        Assert.Equal("2 open opportunities on the account: 1 direct, 1 reseller", Detail("two_opportunities_one_account", "acc-01"));
        Assert.Equal("open direct opportunity opp-11 beside open partner opportunity opp-12", Detail("direct_vs_partner", "acc-01"));
        Assert.Equal(
            "2 partners hold overlapping protections, at least one still running: "
            + "dr-01 by ptn-01 2026-09-01 to 2026-10-30; dr-02 by ptn-02 2026-09-20 to 2026-11-18",
            Detail("overlapping_protection", "acc-03"));
    }

    private DateTime DueAt(string conflictId) => _warehouse.Scalar<DateTime>(
        "select resolve_due_at from intermediate.ops_conflicts where conflict_id = $conflictId", new { conflictId });

    private string ResolveStatus(string conflictId) => _warehouse.Scalar<string>(
        "select resolve_sla_status from intermediate.ops_conflicts where conflict_id = $conflictId", new { conflictId });

    private string Detail(string signal, string account) => _warehouse.Scalar<string>(
        "select detail from marts.conflict_signals where signal = $signal and account_id = $account", new { signal, account });

    private T Value<T>(string column, string quarter, string type, string cause) => _warehouse.Scalar<T>(
        $"select {column} from marts.conflicts_quarterly where fiscal_quarter = $quarter and conflict_type = $type and cause = $cause",
        new { quarter, type, cause });
}
