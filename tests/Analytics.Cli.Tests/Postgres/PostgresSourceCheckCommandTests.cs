using Analytics.TestSupport.Postgres;

namespace Analytics.Cli.Tests.Postgres;

/// <summary><c>analytics source check</c> against a real PostgreSQL 15 holding the in-house CRM.</summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresSourceCheckCommandTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Source_check_prints_each_entitys_table_column_types_and_row_count_and_exits_0()
    {
        using var postgres = await PostgresWorkspace.StartAsync(server, scale: 0.005);

        var (code, output) = CliRun.Invoke("source", "check", "--config", postgres.Config());

        Assert.True(code == ExitCodes.Success, output);
        var lines = output.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => !l.StartsWith("source check:", StringComparison.Ordinal)).ToList();
        Assert.Matches($@"^source check: postgres \(127\.0\.0\.1:{server.Port}/\w+ as postgres\), PostgreSQL 15\.\d+, one REPEATABLE READ READ ONLY snapshot$", lines[0]);
        Assert.Equal("entity               table or query            columns     records", lines[1]);
        Assert.Matches(@"^opportunities        crm\.deal                  20 +[\d,]+$", lines[4]);
        Assert.Matches(@"^opportunity_partners query                     6 +[\d,]+$", lines[5]);
        Assert.Contains("opportunities: opportunity_id text, account_id text, name text, opportunity_type crm.deal_kind,", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored (not canonical)", output, StringComparison.Ordinal);
        Assert.Contains("The mapping can work against this replica. Nothing was landed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_check_names_what_cannot_work_exits_1_and_never_prints_the_password()
    {
        using var postgres = await PostgresWorkspace.StartAsync(server, scale: 0.005);
        const string password = "n0t-in-any-output";
        postgres.Connect(await PostgresServer.CreatePasswordRoleAsync(postgres.ConnectionString, "crm_analytics", password));
        var config = postgres.Config(("dp.linked_at as added_at", "dp.linked_at::date as added_at"));

        var (code, output) = CliRun.Invoke("source", "check", "--config", config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("as crm_analytics), PostgreSQL 15.", output, StringComparison.Ordinal);
        Assert.Contains("postgres opportunity_partners (query): column added_at is date; expected timestamp with time zone, timestamp (taken as UTC) or text (ISO 8601). Select a value of that type (cast if needed: (...)::timestamptz as added_at).", output, StringComparison.Ordinal);
        Assert.Contains("The mapping cannot work against this replica: 1 entity above need", output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
    }
}
