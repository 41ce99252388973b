using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Mail;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_on_an_empty_lake_backfills_then_builds_the_warehouse_from_the_snapshot_of_its_date()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, $"""
            source:
              demo:
                scale: 0.02
            backfill:
              months: 1
              every: week
            transform:
              models: {TestWarehouse.TransformsFolder}
            """);

        var (code, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("The lake is empty", output);
        Assert.Contains("snapshot 2026-09-30", output);
        Assert.Matches(@"run \d{8}T\d{6}Z-[0-9a-f]{4} succeeded", output);
        var warehouse = dir.Combine("data", "warehouse", "analytics.duckdb");
        Assert.Equal(new DateOnly(2026, 9, 30), WarehouseQuery.Scalar<DateOnly>(warehouse, "select snapshot_date from catalog.builds"));
        Assert.True(WarehouseQuery.Scalar<long>(warehouse, "select count(*) from staging.opportunities") > 0);
        Assert.Equal(5L, WarehouseQuery.Scalar<long>(warehouse, "select count(distinct snapshot_date) from staging.opportunities_as_of"));
        // One recorded run: its steps in order, in data/runs and in the warehouse; the build carries the run's id.
        var runId = WarehouseQuery.Scalar<string>(warehouse, "select run_id from catalog.runs where job = 'main' and outcome = 'succeeded'");
        Assert.Equal(runId, WarehouseQuery.Scalar<string>(warehouse, "select run_id from catalog.builds"));
        Assert.Equal("backfill,extract,freshness,transform,score,reports,emails",
            WarehouseQuery.Scalar<string>(warehouse, $"select string_agg(step, ',' order by ordinal) from catalog.run_steps where run_id = '{runId}'"));
        Assert.True(File.Exists(dir.Combine("data", "runs", runId, "run.json")));
        Assert.Contains($"run {runId}: scored", output); // the score step prints its run's id, not one of its own
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(warehouse, $"select count(*) from catalog.run_steps where run_id = '{runId}' and outcome <> 'succeeded'"));
    }

    [Fact]
    public void A_first_run_on_a_plain_drop_folder_lands_only_todays_snapshot_not_invented_history()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1") });
        var config = DropFolderConfig(dir, drop);

        var (_, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.Contains("cannot travel back in time and holds no earlier snapshot from 2025-03-30 to 2026-09-30 (for a file drop: no dated export folder YYYY-MM-DD): no history is backfilled; only the snapshot of 2026-09-30 is landed.", output.ReplaceLineEndings(" ").Replace("  ", " "));
        Assert.Equal([new DateOnly(2026, 9, 30)], new LakeLayout(dir.Combine("data", "lake")).LandedDates().Order());
    }

    [Fact]
    public void A_first_run_on_a_drop_folder_with_dated_exports_backfills_exactly_those_dates()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1") });
        DropFolder.Write(Path.Combine(drop, "2026-08-31"), new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP0") });
        var config = DropFolderConfig(dir, drop);

        var (_, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.Contains("landing the 1 dated export folder(s)", output);
        Assert.Equal([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)], new LakeLayout(dir.Combine("data", "lake")).LandedDates().Order());
    }

    [Fact]
    public void A_run_started_while_another_holds_the_run_lock_does_nothing_names_the_other_and_exits_1()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, $"""
            source:
              demo:
                scale: 0.02
            transform:
              models: {TestWarehouse.TransformsFolder}
            """);
        using var other = Analytics.Orchestration.Runs.RunLock.TryAcquire(dir.Combine("data", "runs"), "main run 20261121T020000Z-beef on host, pid 4242", out _);
        Assert.NotNull(other);

        var (code, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("another run is in progress (main run 20261121T020000Z-beef on host, pid 4242); this one did nothing.", output);
        Assert.False(Directory.Exists(dir.Combine("data", "lake")));
        Assert.Empty(Directory.GetDirectories(dir.Combine("data", "runs")));
    }

    [Theory]
    [InlineData("", "the configuration is empty; refusing to run on built-in defaults and the demo CRM")]
    [InlineData("# the rest of the file was lost\n", "the configuration is empty; refusing to run on built-in defaults and the demo CRM")]
    [InlineData("paths:\n  lake: data/lake\n", "no 'source:' section, so there is nothing to extract from; refusing to fall back to the demo CRM")]
    public void A_run_on_an_empty_or_source_less_configuration_is_refused_with_exit_2_and_lands_nothing(string yaml, string message)
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, yaml);

        var (code, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains($"{config}: {message}", output);
        Assert.False(Directory.Exists(dir.Combine("data")));
    }

    [Fact]
    public void A_run_whose_first_step_fails_skips_the_rest_records_why_and_alerts_the_operators_once()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, $"""
            source:
              kind: files
              files:
                folder: {dir.Combine("no-such-drop")}
            transform:
              models: {TestWarehouse.TransformsFolder}
            scheduler:
              step_retry:
                attempts: 2
                initial_delay_seconds: 0
            runs:
              alert_to: [ops@example.com]
            """);

        var (code, output) = CliRun.Invoke("run", "--config", config, "--date", "2026-09-30");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("backfill failed after 2 attempt(s)", output);
        Assert.Contains("no-such-drop", output);
        var record = Directory.GetFiles(dir.Combine("data", "runs"), "run.json", SearchOption.AllDirectories).Single();
        var json = File.ReadAllText(record);
        Assert.Contains("\"outcome\": \"Failed\"", json);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(json, "\"outcome\": \"Skipped\""));
        var alert = Assert.Single(Directory.GetFiles(dir.Combine("data", "outbox", "alerts"), "*.eml"));
        var mail = MimeMessages.Load(alert);
        Assert.Equal("ops@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains("main run failed at backfill", mail.Subject);
        Assert.Contains("alert sent to ops@example.com", output);

        var (statusCode, status) = CliRun.Invoke("status", "--config", config);

        Assert.Equal(ExitCodes.RunFailed, statusCode);
        Assert.Contains("failed", status);
        Assert.Contains("backfill failed", status);
        Assert.Contains("the lake", status); // freshness: the lake holds no snapshot
        Assert.Single(Directory.GetFiles(dir.Combine("data", "outbox", "alerts"), "*.eml")); // status sends nothing
    }

    /// <summary>A pipeline.yaml reading the file source <paramref name="drop"/> and building with the repository's transforms.</summary>
    private static string DropFolderConfig(TempDirectory dir, string drop)
    {
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, $"""
            source:
              kind: files
              files:
                folder: {drop}
            transform:
              models: {TestWarehouse.TransformsFolder}
            """);
        return config;
    }
}
