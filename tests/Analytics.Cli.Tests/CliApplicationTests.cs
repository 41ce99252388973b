using Analytics.Cli.Shell;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

public sealed class CliApplicationTests
{
    [Fact]
    public void Help_lists_the_commands_and_the_exit_codes()
    {
        var (code, output) = CliRun.Invoke("--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("extract", output);
        Assert.Contains("backfill", output);
        Assert.Contains("run", output);
        Assert.Contains("transform", output);
        Assert.Contains("sql", output);
        Assert.Contains("catalog", output);
        Assert.Contains("Exit codes: 0 success, 1 the run failed, 2 bad usage or configuration", output);
    }

    [Theory]
    [InlineData("extract --date 2026-13-01", "--date must be a date written yyyy-MM-dd, not '2026-13-01'")]
    [InlineData("extract --source dynamics", "--source must be one of demo, files, salesforce, postgres, hubspot, not 'dynamics'.")]
    [InlineData("backfill --every month", "--every must be one of day, week, not 'month'.")]
    [InlineData("frobnicate", "unknown command 'frobnicate'; the commands are: extract, backfill, run, transform,")]
    [InlineData("stauts", "unknown command 'stauts' (did you mean 'status'?)")]
    [InlineData("", "no command given; the commands are: extract, backfill, run,")]
    [InlineData("email", "'email' needs a command: weekly.")]
    [InlineData("email montly", "unknown command 'montly' of 'email'; the commands are: weekly.")]
    [InlineData("extract now", "'now' is not an option or argument of 'analytics extract'.")]
    [InlineData("status --last 0", "--last takes a whole number, 1 or more, not '0'.")]
    [InlineData("status --last -3", "--last takes a whole number, 1 or more, not '-3'.")]
    [InlineData("sql --max-rows many", "--max-rows takes a whole number, 1 or more, not 'many'.")]
    public void Bad_usage_exits_with_2_and_says_what_is_wrong(string args, string expected)
    {
        var (code, output) = CliRun.Invoke(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains(expected, output.ReplaceLineEndings(" "));
        Assert.Contains("--help` for usage.", output);
        Assert.DoesNotContain("Analytics.", output); // no internal type names
        Assert.DoesNotContain("System.", output);
        Assert.DoesNotContain("Required command was not provided", output); // only what is wrong
        Assert.DoesNotContain("Unrecognized command or argument", output);
    }

    [Theory]
    [InlineData("extract", "salesforce", "Connect Salesforce")]
    [InlineData("extract", "hubspot", "Connect HubSpot")]
    [InlineData("source check", "postgres", "Connect an in-house CRM on PostgreSQL")]
    public void A_crm_source_chosen_without_its_block_is_refused_naming_the_block_to_fill_in(string command, string kind, string readmeSection)
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: demo\n");

        var (code, output) = CliRun.Invoke([.. command.Split(' '), "--config", config, "--source", kind]);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains($"{config}: the {kind} source needs a 'source.{kind}:' block, and there is none: uncomment and fill in the {kind} block of pipeline.yaml "
            + $"(README, \"{readmeSection}\"), then test it with `analytics source check`.", output);
        Assert.False(Directory.Exists(dir.Combine("data", "lake", "raw")));
    }

    [Fact]
    public void A_tab_in_the_configuration_is_reported_at_its_own_line_and_column()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "# the pipeline\nsource:\n  kind: demo\npaths:\n\tlake: data/lake\n");

        var (code, output) = CliRun.Invoke("status", "--config", config);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains($"{config}:5:1: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces.", output);
    }

    [Fact]
    public void Without_config_the_pipeline_yaml_of_a_folder_above_is_used_and_named()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("pipeline.yaml"), "source:\n  kind: demo\n");
        var inner = Directory.CreateDirectory(dir.Combine("notebooks", "q4")).FullName;

        var (code, output) = CliRun.Run(output => ShellHost.Empty(output, dir.Combine("history")) with { WorkingDirectory = inner }, "freshness");

        Assert.Equal(ExitCodes.RunFailed, code); // read the found file: its lake is empty
        Assert.Contains($"using {dir.Combine("pipeline.yaml")} (no pipeline.yaml in {inner})", output);
        Assert.Contains($"the lake {dir.Combine("data", "lake")} holds no snapshot", output.ReplaceLineEndings(""));
    }

    [Fact]
    public void Freshness_counts_a_snapshot_landed_seconds_ago_from_its_landing_not_from_midnight()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: demo\n");
        var now = new DateTimeOffset(2026, 12, 7, 17, 0, 30, TimeSpan.Zero);
        TestLake.Land(dir.Combine("data", "lake"), new DateOnly(2026, 12, 7), [], now.UtcDateTime.AddSeconds(-30));

        var (code, output) = CliRun.InvokeAt(now, "freshness", "--config", config);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("newest snapshot 2026-12-07 (landed 2026-12-07 17:00 UTC) is 30 s old (limit 36 h): fresh", output.ReplaceLineEndings(" "));
    }

    [Fact]
    public void An_invalid_configuration_exits_with_2_naming_the_line()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: demo\nextract:\n  quarantine_treshold: 0.1\n");

        var (code, output) = CliRun.Invoke("extract", "--config", config);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("pipeline.yaml:4: unknown key 'quarantine_treshold' under 'extract'", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void A_refused_extract_exits_with_1_and_names_the_bad_rows()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1", ("arr", "lots")) });
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: files\n  files:\n    folder: drop\n");

        var (code, output) = CliRun.Invoke("extract", "--config", config, "--date", "2026-11-20");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("opportunities.csv:2: arr: 'lots' is not a number", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(Directory.Exists(dir.Combine("data", "lake", "manifests")) && Directory.GetFiles(dir.Combine("data", "lake", "manifests")).Length > 0);
    }

    [Fact]
    public void A_runaway_quote_exits_with_1_naming_file_and_line_and_lands_nothing()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        var rows = string.Concat(Enumerable.Range(1, 200).Select(i => DropFolder.Opportunity($"OPP{i}", ("next_step", i == 100 ? "\"Send quote" : "Send quote"))));
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = rows });
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: files\n  files:\n    folder: drop\n");

        var (code, output) = CliRun.Invoke("extract", "--config", config, "--date", "2026-11-20");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("opportunities.csv:101: the quoted field (column 'next_step') opened on line 101", output);
        Assert.False(Directory.Exists(dir.Combine("data", "lake", "raw", "opportunities")));
    }

    [Fact]
    public void A_backfill_whose_dates_fail_alike_says_why_once_without_dotnet_exception_text()
    {
        using var dir = new TempDirectory();
        var rows = string.Concat(Enumerable.Range(1, 20).Select(i => DropFolder.Opportunity($"OPP{i}", ("next_step", i == 5 ? "\"Send quote" : "Send quote"))));
        DropFolder.Write(dir.Combine("drop", "2026-11-13"), new Dictionary<string, string> { ["opportunities"] = rows });
        DropFolder.Write(dir.Combine("drop", "2026-11-20"), new Dictionary<string, string> { ["opportunities"] = rows });
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: files\n  files:\n    folder: drop\nscheduler:\n  step_retry:\n    attempts: 1\n"); // no 30 s + 60 s of retries

        var (code, output) = CliRun.Invoke("backfill", "--config", config, "--from", "2026-11-01", "--to", "2026-11-20", "--no-rebuild");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("opportunities.csv:6: the quoted field (column 'next_step') opened on line 6", output.ReplaceLineEndings(" "));
        Assert.DoesNotContain("AggregateException", output);
        Assert.DoesNotContain("One or more errors occurred", output);
    }

    [Fact]
    public void Backfill_from_a_plain_drop_folder_lands_no_invented_history()
    {
        using var dir = new TempDirectory();
        DropFolder.Write(dir.Combine("drop"), new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1") });
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: files\n  files:\n    folder: drop\n");

        var (code, output) = CliRun.Invoke("backfill", "--config", config, "--to", "2026-11-20", "--no-rebuild");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("cannot travel back in time", output);
        Assert.Contains("nothing to backfill: no dated export folder left to land", output);
        Assert.False(Directory.Exists(dir.Combine("data", "lake", "raw")));
    }

    [Fact]
    public void A_good_file_drop_extract_prints_the_counts_and_where_the_lake_is()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1") + DropFolder.Opportunity("OPP2") });
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: files\n  files:\n    folder: drop\n");

        var (code, output) = CliRun.Invoke("extract", "--config", config);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("snapshot 2026-11-21", output);
        Assert.Contains(dir.Combine("data", "lake", "raw"), output);
        Assert.True(File.Exists(dir.Combine("data", "lake", "raw", "opportunities", "snapshot_date=2026-11-21", "data.parquet")));
    }

    [Fact]
    public void A_missing_drop_folder_exits_with_1_naming_it()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: files\n");

        var (code, output) = CliRun.Invoke("extract", "--config", config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("the drop folder does not exist", output);
    }
}
