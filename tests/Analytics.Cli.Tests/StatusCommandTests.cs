using Analytics.Orchestration.Runs;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests;

public sealed class StatusCommandTests
{
    private const string Quote = "partners.csv:7: the quoted field (column 'name') opened on line 7 is never closed";

    [Theory]
    [InlineData("UTC", new[] { "next (UTC)" })]
    [InlineData("Europe/Berlin", new[] { "next (UTC)", "next (Europe/Berlin)" })]
    public void Status_fits_100_columns_with_whole_run_ids_one_next_column_per_zone_and_errors_said_once(string zone, string[] nextColumns)
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, $"source:\n  kind: demo\nschedules:\n  time_zone: {zone}\n");
        var history = new RunHistory(dir.Combine("data", "runs"));
        var started = new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.Zero);
        history.Save(Run("20261120T023000Z-ab12", "nightly", started, RunOutcome.Succeeded, null));
        // A record written before errors were cleaned: .NET's wrapper text, the message twice.
        history.Save(Run("20261121T023000Z-cd34", "backfill", started.AddDays(1), RunOutcome.Failed,
            $"backfill failed: AggregateException: One or more errors occurred. ({Quote}) ({Quote})"));

        var (code, output) = CliRun.InvokeWidth(100, "status", "--config", config);

        Assert.Equal(ExitCodes.RunFailed, code); // the latest run failed
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.Contains(lines, line => line.Contains("20261120T023000Z-ab12", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("20261121T023000Z-cd34", StringComparison.Ordinal));
        Assert.Contains($"backfill failed: {Quote}", output.ReplaceLineEndings(" "));
        Assert.DoesNotContain("AggregateException", output);
        Assert.DoesNotContain("One or more errors occurred", output);
        var header = Assert.Single(lines, line => line.TrimStart().StartsWith("job ", StringComparison.Ordinal) && line.Contains("cron", StringComparison.Ordinal));
        Assert.Equal(nextColumns, System.Text.RegularExpressions.Regex.Matches(header, @"next \([^)]+\)").Select(m => m.Value));
    }

    [Fact]
    public void Status_refuses_a_count_that_is_not_a_whole_number_without_a_stack_trace()
    {
        var (code, output) = CliRun.Invoke("status", "--last", "ten");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("--last takes a whole number, 1 or more, not 'ten'.", output);
        Assert.DoesNotContain("   at ", output);
    }

    private static RunRecord Run(string id, string job, DateTimeOffset started, RunOutcome outcome, string? error) =>
        new(id, job, "manual", DateOnly.FromDateTime(started.UtcDateTime), Environment.MachineName, Environment.ProcessId, started, started.AddMinutes(3), outcome, error,
            [new StepRecord(job, 1, outcome == RunOutcome.Succeeded ? StepOutcome.Succeeded : StepOutcome.Failed, started, started.AddMinutes(3), 1, "done", Error: error?["backfill failed: ".Length..])]);
}
