using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Analytics.Orchestration.Configuration;

namespace Analytics.Orchestration.Tests.Scheduling;

public sealed class PipelineSchedulerTests
{
    // Friday 2026-11-20 01:00 UTC = 02:00 in Berlin (CET, UTC+1).
    private static readonly DateTimeOffset Friday0100Utc = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private const string Berlin = """
        schedules:
          time_zone: Europe/Berlin
          nightly: "0 30 2 * * ?"
          weekly: "0 0 7 ? * MON"
          quarterly: null
        """;

    [Fact]
    public async Task The_nightly_firing_runs_extract_freshness_transform_and_score_in_that_order_at_0230_in_the_schedules_time_zone()
    {
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, Berlin);

        var run = await harness.NextRunAsync();

        Assert.Equal(["extract@2026-11-20#1", "freshness@2026-11-20#1", "transform@2026-11-20#1", "score@2026-11-20#1"], harness.Stages.Calls);
        Assert.Equal("nightly", run.Job);
        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        Assert.Equal(["extract", "freshness", "transform", "score"], run.Steps.Select(s => s.Step));
        var firing = Assert.Single(harness.Firings);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero), firing.ScheduledAt); // 02:30 CET
        Assert.Equal(new DateOnly(2026, 11, 20), firing.Date);
        Assert.Equal(run.RunId, Assert.Single(harness.History.ReadAll()).RunId);
    }

    [Fact]
    public async Task Next_firings_are_listed_soonest_first_in_utc()
    {
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, Berlin);

        var next = await harness.Scheduler.NextFiringsAsync();

        Assert.Equal(["nightly", "weekly"], next.Select(n => n.Job));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero), next[0].Next);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), next[1].Next); // Monday 07:00 CET
        Assert.Equal("Europe/Berlin", next[0].TimeZone);
    }

    [Fact]
    public async Task A_nightly_firing_missed_on_three_nights_runs_once_on_start_up_not_three_times()
    {
        // The last nightly run started on Monday night; the scheduler was down until Friday 01:00 UTC.
        var lastRuns = new Dictionary<string, DateTimeOffset> { ["nightly"] = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero) };
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, Berlin, lastRuns);

        var runs = await harness.RunsDuring(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));

        var run = Assert.Single(runs);
        Assert.Equal("nightly", run.Job);
        var firing = Assert.Single(harness.Firings);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 1, 30, 0, TimeSpan.Zero), firing.ScheduledAt); // the latest missed: Thursday 02:30 CET
        Assert.Equal(new DateOnly(2026, 11, 19), run.Date);
        // ... and the schedule then proceeds: tonight's 02:30 CET firing still comes.
        var tonight = await harness.NextRunAsync();
        Assert.Equal(new DateOnly(2026, 11, 20), tonight.Date);
        Assert.Equal(2, harness.Firings.Count);
    }

    [Fact]
    public async Task A_failed_step_is_retried_with_backoff_on_the_clock_and_the_run_then_succeeds()
    {
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, Berlin);
        harness.Stages.Fail("transform", times: 2);

        var run = await harness.NextRunAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        var transform = run.Steps.Single(s => s.Step == "transform");
        Assert.Equal(3, transform.Attempts);
        Assert.Null(transform.Error);
        Assert.Equal(["extract@2026-11-20#1", "freshness@2026-11-20#1", "transform@2026-11-20#1", "transform@2026-11-20#2", "transform@2026-11-20#3", "score@2026-11-20#1"], harness.Stages.Calls);
        // 30 s after the first failure, 60 s after the second: at least 90 s between the step's start and end on the clock.
        Assert.InRange(transform.DurationMs!.Value, 90_000, 120_000);
    }

    [Fact]
    public async Task After_a_step_fails_its_retries_the_steps_downstream_do_not_run_and_the_run_records_why()
    {
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, Berlin);
        harness.Stages.Fail("transform", times: 5);

        var run = await harness.NextRunAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.DoesNotContain(harness.Stages.Calls, c => c.StartsWith("score", StringComparison.Ordinal));
        Assert.Equal([StepOutcome.Succeeded, StepOutcome.Succeeded, StepOutcome.Failed, StepOutcome.Skipped], run.Steps.Select(s => s.Outcome));
        Assert.Equal(3, run.Steps[2].Attempts);
        Assert.Equal("transform failed: transform broke (attempt 3)", run.Error);
        Assert.Equal(new TestCounts(10, 1, 1, 0), run.Steps[2].Tests); // what the failed build did is kept
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, Berlin);
        harness.Stages.Fail("extract", times: 1, permanent: true);

        var run = await harness.NextRunAsync();

        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Equal(1, run.Steps[0].Attempts);
        Assert.Equal(["extract@2026-11-20#1"], harness.Stages.Calls);
        Assert.All(run.Steps.Skip(1), s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
    }

    [Fact]
    public async Task A_job_never_runs_beside_itself_a_firing_due_while_it_runs_waits_for_it()
    {
        const string everyMinute = """
            schedules:
              time_zone: UTC
              nightly: "0 * * * * ?"
              weekly: null
              quarterly: null
            """;
        await using var harness = await SchedulerHarness.StartAsync(Friday0100Utc, everyMinute);
        harness.Stages.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await harness.Clock.DriveUntil(harness.Stages.Waiting.Task, TimeSpan.FromSeconds(20));
        var duringFirstRun = await harness.RunsDuring(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20));
        var startedWhileBlocked = harness.Firings.Count;
        harness.Stages.Gate.SetResult();
        var after = await harness.RunsDuring(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(20));

        Assert.Empty(duringFirstRun);
        Assert.Equal(1, startedWhileBlocked);
        Assert.Equal(1, harness.Stages.MaxConcurrent);
        Assert.NotEmpty(after);
    }

    [Fact]
    public void A_bad_cron_expression_is_refused_naming_the_file_line_and_key()
    {
        // Refused when the file is loaded, before any scheduler starts.
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("schedules:\n  nightly: \"0 30 25 * * ?\"\n", "/etc/pipeline.yaml", OrchestrationConfigExtensions.Sections));

        Assert.StartsWith("/etc/pipeline.yaml:2: 'schedules.nightly' '0 30 25 * * ?' is not a Quartz cron expression", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_the_line()
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("schedules:\n  time_zone: Mars/Olympus\n", "/etc/pipeline.yaml", OrchestrationConfigExtensions.Sections));

        Assert.Contains("/etc/pipeline.yaml:2: 'schedules.time_zone'", error.Message);
        Assert.Contains("Mars/Olympus", error.Message);
    }
}
