using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.TestSupport.Files;

namespace Analytics.Sources.Postgres.Tests;

/// <summary>The PostgreSQL source against a real PostgreSQL 15 holding the demo CRM in the in-house schema.</summary>
[Collection(TestSupport.Postgres.PostgresServer.Collection)]
public sealed class PostgresSourceTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Extract_lands_every_entity_of_the_in_house_schema_with_the_demo_CRMs_row_counts_and_nothing_quarantined()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        var manifest = replica.Extract(replica.Config());

        Assert.StartsWith("postgres (127.0.0.1:", manifest.Source, StringComparison.Ordinal);
        foreach (var entity in CrmSchema.Entities)
        {
            var landed = manifest.Entities.Single(e => e.Entity == entity.Name);
            Assert.True(landed.Quarantined == 0, $"{entity.Name}: {landed.Quarantined} quarantined");
            Assert.Equal(replica.Seeded.GetValueOrDefault(entity.Name), landed.Landed);
            Assert.Equal(landed.Read, landed.Landed);
        }
    }

    [Fact]
    public async Task A_write_another_session_commits_during_the_extract_does_not_tear_the_snapshot()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        var deal = FirstOpenDeal(replica);
        var writes = 0;
        // After partners and accounts were read, before opportunities and stage history: another session moves a deal to
        // closed_lost with its stage change, and inserts a new deal with its first stage. Both commit at once.
        var progress = new SynchronousProgress(message =>
        {
            if (message.StartsWith("reading opportunities", StringComparison.Ordinal))
            {
                replica.Execute($"""
                    begin;
                    update crm.deal set stage = 'closed_lost', stage_no = 0, is_closed = true, closed_at = now() where deal_no = '{deal.Id}';
                    insert into crm.deal_stage_log (deal_no, stage, stage_no, entered_at) values ('{deal.Id}', 'closed_lost', 0, now());
                    insert into crm.deal (deal_no, customer_no, title, deal_kind, stage, stage_no, is_closed, is_won, arr_cents, opened_at,
                        expected_close, owner_email, conflict_state)
                    select 'OPP-WRITTEN-DURING-EXTRACT', customer_no, 'written meanwhile', 'new_business', 'discovery', 1, false, false, 100000, now(),
                        '2027-03-31', owner_email, 'none' from crm.deal where deal_no = '{deal.Id}';
                    insert into crm.deal_stage_log (deal_no, stage, stage_no, entered_at) values ('OPP-WRITTEN-DURING-EXTRACT', 'discovery', 1, now());
                    commit;
                    """);
                writes++;
            }
        });

        var manifest = replica.Extract(replica.Config(), progress);

        Assert.Equal(1, writes);
        Assert.Equal(replica.Seeded["opportunities"], manifest.Entities.Single(e => e.Entity == "opportunities").Landed);
        Assert.Equal(replica.Seeded["stage_history"], manifest.Entities.Single(e => e.Entity == "stage_history").Landed);
        Assert.Equal([deal.Stage], replica.Landed("opportunities", $"select stage from rows where opportunity_id = '{deal.Id}'"));
        Assert.Empty(replica.Landed("opportunities", "select 1 from rows where opportunity_id = 'OPP-WRITTEN-DURING-EXTRACT'"));
        Assert.Empty(replica.Landed("stage_history", $"select 1 from rows where opportunity_id in ('OPP-WRITTEN-DURING-EXTRACT') or (opportunity_id = '{deal.Id}' and stage = 'closed_lost')"));
        // The write did commit: the next night's extract sees it.
        var next = replica.Extract(replica.Config());
        Assert.Equal(replica.Seeded["opportunities"] + 1, next.Entities.Single(e => e.Entity == "opportunities").Landed);
    }

    [Fact]
    public async Task Bad_rows_are_quarantined_naming_the_source_record_and_the_counts_reconcile()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        replica.Execute("""
            insert into crm.deal (deal_no, customer_no, title, deal_kind, stage, stage_no, is_closed, is_won, arr_cents, opened_at, expected_close, owner_email, conflict_state)
            select 'OPP-NO-TITLE', customer_no, null, 'new_business', 'discovery', 1, false, false, 100, now(), '2027-01-31', account_owner, 'none' from crm.customer limit 1;
            insert into crm.deal (deal_no, customer_no, title, deal_kind, motion, stage, stage_no, is_closed, is_won, arr_cents, opened_at, expected_close, owner_email, conflict_state)
            select 'OPP-UNKNOWN-STAGE', customer_no, 'x', 'new_business', 'reseller', 'negotiating', 2, false, false, 100, now(), '2027-01-31', account_owner, 'none' from crm.customer limit 1;
            insert into crm.deal (deal_no, customer_no, title, deal_kind, stage, stage_no, is_closed, is_won, arr_cents, opened_at, expected_close, owner_email, conflict_state)
            select 'OPP-BAD-DATE', customer_no, 'x', 'renewal', 'discovery', 1, false, false, 100, now(), 'next quarter', account_owner, 'none' from crm.customer limit 1;
            insert into crm.deal_partner (id, deal_no, partner_account_id, partner_role, credit, credit_pct, linked_at)
            select 900001, deal_no, 999999, 'referral', 'sourced', 100, now() from crm.deal where deal_no = 'OPP-BAD-DATE';
            insert into crm.deal_stage_log (id, deal_no, stage, stage_no, entered_at) values (900002, null, 'discovery', 1, now());
            """);

        using var spill = new TempDirectory();
        using var staging = new SnapshotStaging(spill.Path);
        var config = replica.Config();
        replica.Source(config).Extract(InHouseReplica.Day, staging, null);

        Assert.Equal(replica.Seeded["opportunities"], staging.Landed("opportunities"));
        Assert.Equal(3, staging.Quarantined("opportunities"));
        var reasons = staging.QuarantineSample("opportunities").Select(q => q.ToString()).ToList();
        Assert.Contains(reasons, r => r.Contains("name: is required but empty (crm.deal OPP-NO-TITLE)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("stage: 'negotiating' is not an accepted value", StringComparison.Ordinal) && r.EndsWith("(crm.deal OPP-UNKNOWN-STAGE)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("close_date: 'next quarter' is not a date in the format yyyy-MM-dd (crm.deal OPP-BAD-DATE)", StringComparison.Ordinal));
        Assert.All(reasons, r => Assert.StartsWith("postgres crm.deal:", r, StringComparison.Ordinal));
        var partner = Assert.Single(staging.QuarantineSample("opportunity_partners"));
        Assert.Equal("postgres query:1: partner_id: is required but empty (record 900001)", partner.ToString());
        var history = Assert.Single(staging.QuarantineSample("stage_history"));
        Assert.EndsWith("opportunity_id: is required but empty (crm.deal_stage_log 900002)", history.ToString(), StringComparison.Ordinal);
        foreach (var entity in CrmSchema.Entities)
        {
            Assert.Equal(replica.Seeded.GetValueOrDefault(entity.Name) + (entity.Name switch { "opportunities" => 3, "opportunity_partners" or "stage_history" => 1, _ => 0 }),
                staging.Landed(entity.Name) + staging.Quarantined(entity.Name));
        }
    }

    [Fact]
    public async Task Columns_whose_types_cannot_feed_the_canonical_schema_stop_the_extract_before_any_row_with_one_message_naming_each()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        var config = replica.Config(
            ("          arr: arr_cents", "          is_won: opened_at\n          arr: arr_cents"),
            ("dp.credit_pct as attribution_pct", "dp.credit_pct > 50 as attribution_pct"));
        using var spill = new TempDirectory();
        using var staging = new SnapshotStaging(spill.Path);

        var error = Assert.Throws<SourceException>(() => replica.Source(config).Extract(InHouseReplica.Day, staging, null));

        Assert.Contains("nothing was landed", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres opportunities (crm.deal): column is_won (mapped from opened_at) is timestamp with time zone; expected boolean or text.", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres opportunity_partners (query): column attribution_pct is boolean; expected a number (numeric, an integer type, real, double precision) or text.", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2 problem(s))", error.Message, StringComparison.Ordinal);
        Assert.All(CrmSchema.Entities, e => Assert.Equal(0, staging.Landed(e.Name) + staging.Quarantined(e.Name)));
    }

    [Fact]
    public async Task A_query_without_a_required_column_or_over_a_missing_table_is_refused_with_what_to_fix()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        var config = replica.Config(
            ("dp.linked_at as added_at", "dp.linked_at as linked_at"),
            ("table: crm.partner_proof", "table: crm.partner_proofs"));
        using var spill = new TempDirectory();
        using var staging = new SnapshotStaging(spill.Path);

        var error = Assert.Throws<SourceException>(() => replica.Source(config).Extract(InHouseReplica.Day, staging, null));

        Assert.Contains("postgres opportunity_partners (query): the query has no column added_at (required, timestamp with time zone, timestamp (taken as UTC) or text (ISO 8601))", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres partner_proofs (crm.partner_proofs): relation \"crm.partner_proofs\" does not exist (SQLSTATE 42P01).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_that_writes_is_refused_by_the_read_only_snapshot()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        // nextval() writes (it advances the sequence), as would an audit function a query calls.
        var config = replica.Config(("dp.id as link_id", "dp.id + 0 * nextval('crm.deal_partner_id_seq') as link_id"));
        using var spill = new TempDirectory();
        using var staging = new SnapshotStaging(spill.Path);

        var error = Assert.Throws<SourceException>(() => replica.Source(config).Extract(InHouseReplica.Day, staging, null));

        Assert.Contains("postgres opportunity_partners (query): cannot execute nextval() in a read-only transaction (SQLSTATE 25006). The source reads in a read-only transaction: the query must not write. Nothing was landed.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_running_past_the_statement_timeout_is_cancelled_and_the_message_names_the_setting()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        var config = replica.Config(
            ("statement_timeout_seconds: 1800", "statement_timeout_seconds: 1"),
            ("from crm.deal_partner dp", "from crm.deal_partner dp cross join lateral (select pg_sleep(3)) nap"));
        using var spill = new TempDirectory();
        using var staging = new SnapshotStaging(spill.Path);

        var error = Assert.Throws<SourceException>(() => replica.Source(config).Extract(InHouseReplica.Day, staging, null));

        Assert.Equal("postgres opportunity_partners (query): the query ran longer than the statement timeout of 1 s and was cancelled; nothing was landed. "
            + "Raise source.postgres.statement_timeout_seconds, or give the query an index to order by the primary key.", error.Message);
    }

    private static (string Id, string Stage) FirstOpenDeal(InHouseReplica replica)
    {
        using var connection = new Npgsql.NpgsqlConnection(replica.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("select deal_no, stage from crm.deal where not is_closed order by deal_no limit 1", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1));
    }

    /// <summary>Calls back on the extract's own thread, at the moment of the report (Progress&lt;T&gt; would post it elsewhere, later).</summary>
    private sealed class SynchronousProgress(Action<string> onReport) : IProgress<string>
    {
        public void Report(string value) => onReport(value);
    }
}
