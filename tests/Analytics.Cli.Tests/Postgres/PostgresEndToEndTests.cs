using Analytics.Cli.Tests.Salesforce;
using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Postgres;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Postgres;

/// <summary>
/// The PostgreSQL source end to end through the command line, against a real PostgreSQL 15 holding the demo CRM in an
/// in-house schema (other table and column names, cents, an enum, dates as text): what it lands must build the same
/// marts as the demo source itself.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresEndToEndTests(PostgresServerFixture server)
{
    private static readonly string Day = SeededOrgs.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Analytics_run_from_an_in_house_CRM_on_PostgreSQL_builds_marts_identical_to_the_demo_source_and_lands_only_its_date()
    {
        using var demo = new TempDirectory();
        var demoWarehouse = DemoBaseline.Build(demo);

        using var postgres = await PostgresWorkspace.StartAsync(server);
        var (code, output) = CliRun.Invoke("run", "--config", postgres.Config(), "--date", Day);
        Succeeds((code, output));
        Assert.Contains($"postgres (127.0.0.1:{server.Port}/", output, StringComparison.Ordinal);

        var (tables, differences) = MartsComparison.Compare(demoWarehouse, postgres.Warehouse);
        var demoCounts = DemoBaseline.Counts(new LakeLayout(demo.Combine("data", "lake")));
        var postgresCounts = DemoBaseline.Counts(new LakeLayout(postgres.Lake));
        Assert.True(demoCounts.SequenceEqual(postgresCounts) && differences.Count == 0,
            $"landed (demo | postgres):\n{string.Join("\n", demoCounts.Zip(postgresCounts, (d, p) => $"{d} | {p}"))}\nmarts that differ:\n{string.Join("\n", differences)}\n"
            + $"staging tables that differ:\n{string.Join("\n", MartsComparison.Compare(demoWarehouse, postgres.Warehouse, "staging").Differences)}");
        Assert.True(tables.Count >= 20, $"only {tables.Count} marts tables: {string.Join(", ", tables)}");
        Assert.Equal([SeededOrgs.Day], new LakeLayout(postgres.Lake).LandedDates());
        Assert.Contains("cannot travel back in time", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytics_extract_with_a_column_of_the_wrong_type_exits_1_naming_entity_column_and_types_and_lands_nothing()
    {
        using var postgres = await PostgresWorkspace.StartAsync(server, scale: 0.005);
        var config = postgres.Config(("          arr: arr_cents / 100.0", "          arr: opened_at"));

        var (code, output) = CliRun.Invoke("extract", "--config", config, "--date", Day);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("error: postgres: the mapping cannot be read as the canonical schema needs (1 problem(s)); nothing was landed:", output, StringComparison.Ordinal);
        Assert.Contains("postgres opportunities (crm.deal): column arr (mapped from opened_at) is timestamp with time zone; expected a number", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(new LakeLayout(postgres.Lake).LandedDates());
    }

    private static void Succeeds((int Code, string Output) result) => Assert.True(result.Code == ExitCodes.Success, result.Output);
}
