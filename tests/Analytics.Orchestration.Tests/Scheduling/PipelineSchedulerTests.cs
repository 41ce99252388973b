using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Hangfire;

namespace Analytics.Orchestration.Tests.Scheduling;

/// <summary>The schedules on Hangfire with its in-memory storage (the default); the PostgreSQL store: Postgres/HangfireStoreTests.</summary>
public sealed class PipelineSchedulerTests
{
    private const string EverySecondInBerlin = """
        schedules:
          time_zone: Europe/Berlin
          nightly: "* * * * * ?"
          weekly: null
          quarterly: null
        """;

    private const string Berlin = """
        schedules:
          time_zone: Europe/Berlin
          nightly: "0 30 2 * * ?"
          weekly: "0 0 7 ? * MON"
          quarterly: null
        """;

    private static readonly TimeZoneInfo BerlinZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task A_nightly_firing_runs_extract_freshness_transform_and_score_in_that_order_dated_in_the_schedules_time_zone()
    {
        using var harness = SchedulerHarness.Create(EverySecondInBerlin);

        var run = await harness.NextRunAsync();

        Assert.Equal("nightly", run.Job);
        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        Assert.Equal(["extract", "freshness", "transform", "score"], run.Steps.Select(s => s.Step));
        var firing = harness.Firings.First();
        Assert.Equal(0, firing.ScheduledAt.Millisecond); // a due second of the cron, not the moment it ran
        Assert.InRange(firing.FiredAt - firing.ScheduledAt, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(firing.ScheduledAt, BerlinZone).DateTime), run.Date);
        Assert.Equal([$"extract@{run.Date:yyyy-MM-dd}#1", $"freshness@{run.Date:yyyy-MM-dd}#1", $"transform@{run.Date:yyyy-MM-dd}#1", $"score@{run.Date:yyyy-MM-dd}#1"],
            harness.Stages.Calls.Take(4));
        Assert.Contains(harness.History.ReadAll(), r => r.RunId == run.RunId);
    }

    [Fact]
    public void Next_firings_are_read_from_the_storage_soonest_first_in_utc()
    {
        using var harness = SchedulerHarness.Create(Berlin, start: false);
        var now = DateTimeOffset.UtcNow;

        var next = harness.Scheduler.NextFirings();

        Assert.Equal(["nightly", "weekly"], next.OrderBy(n => n.Job).Select(n => n.Job));
        var nightly = next.Single(n => n.Job == "nightly");
        Assert.Equal("Europe/Berlin", nightly.TimeZone);
        Assert.Equal("0 30 2 * * ?", nightly.Cron);
        var local = TimeZoneInfo.ConvertTime(nightly.Next!.Value, BerlinZone);
        Assert.Equal((2, 30, 0), (local.Hour, local.Minute, local.Second));
        Assert.InRange(nightly.Next!.Value - now, TimeSpan.Zero, TimeSpan.FromHours(25));
        var weekly = TimeZoneInfo.ConvertTime(next.Single(n => n.Job == "weekly").Next!.Value, BerlinZone);
        Assert.Equal((DayOfWeek.Monday, 7), (weekly.DayOfWeek, weekly.Hour));
        Assert.True(next[0].Next <= next[1].Next);
    }

    [Fact]
    public async Task A_nightly_firing_missed_on_three_nights_runs_once_on_start_up_not_three_times_dated_the_latest_missed_night()
    {
        // The last nightly run started four days ago; no server ran since.
        var lastRuns = new Dictionary<string, DateTimeOffset> { ["nightly"] = DateTimeOffset.UtcNow.AddDays(-4) };
        using var harness = SchedulerHarness.Create(Berlin, lastRuns: lastRuns);

        var run = await harness.NextRunAsync();
        await SchedulerHarness.EventuallyAsync(() => harness.Storage.GetMonitoringApi().SucceededListCount() == 1, "Hangfire marks the firing succeeded");

        var firing = Assert.Single(harness.Firings);
        var expectedDue = PipelineCron.Latest("0 30 2 * * ?", BerlinZone, firing.FiredAt);
        Assert.Equal(expectedDue, firing.ScheduledAt);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(expectedDue!.Value, BerlinZone).DateTime), run.Date);
        var monitoring = harness.Storage.GetMonitoringApi();
        Assert.Equal((0L, 0L, 0L), (monitoring.EnqueuedCount("default"), monitoring.ScheduledCount(), monitoring.FailedCount()));
        // ... and the schedule then proceeds: the next 02:30 in Berlin is still to come.
        Assert.True(harness.Scheduler.NextFirings().Single(n => n.Job == "nightly").Next > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_job_whose_last_run_is_after_its_latest_due_firing_does_not_run_on_start_up()
    {
        var lastRuns = new Dictionary<string, DateTimeOffset> { ["nightly"] = DateTimeOffset.UtcNow, ["weekly"] = DateTimeOffset.UtcNow };
        using var harness = SchedulerHarness.Create(Berlin, lastRuns: lastRuns);

        await SchedulerHarness.EventuallyAsync(() => harness.Storage.GetMonitoringApi().Servers().Count == 1, "the server is up");
        await Task.Delay(SchedulerHarness.Polling * 5); // a few polls of the library: nothing is due

        Assert.Empty(harness.Firings);
    }

    [Fact]
    public async Task A_failed_step_is_retried_by_the_run_not_by_hangfire_and_the_run_then_succeeds()
    {
        using var harness = SchedulerHarness.Create(EverySecondInBerlin);
        harness.Stages.Fail("transform", times: 2);

        var run = await harness.NextRunAsync();

        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        var transform = run.Steps.Single(s => s.Step == "transform");
        Assert.Equal(3, transform.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], harness.Clock.Waits); // our backoff
    }

    [Fact]
    public async Task After_a_step_fails_its_retries_the_run_is_recorded_failed_with_why_and_downstream_steps_skipped()
    {
        using var harness = SchedulerHarness.Create(EverySecondInBerlin);
        harness.Stages.Fail("transform", times: 1000);

        var run = await harness.NextRunAsync();

        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Equal([StepOutcome.Succeeded, StepOutcome.Succeeded, StepOutcome.Failed, StepOutcome.Skipped], run.Steps.Select(s => s.Outcome));
        Assert.Equal(3, run.Steps[2].Attempts);
        Assert.StartsWith("transform failed: transform broke", run.Error, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.Failed, harness.History.ReadAll().Single(r => r.RunId == run.RunId).Outcome);
    }

    [Fact]
    public async Task A_firing_that_throws_is_failed_once_in_hangfire_and_never_retried_by_it()
    {
        using var harness = SchedulerHarness.Create(EverySecondInBerlin, start: false);
        harness.Launcher = _ => throw new InvalidOperationException("launcher broke");
        harness.Scheduler.Start();

        await SchedulerHarness.EventuallyAsync(() => harness.Storage.GetMonitoringApi().FailedCount() >= 1, "a firing fails");
        var monitoring = harness.Storage.GetMonitoringApi();

        var failed = monitoring.FailedJobs(0, 10).First().Value;
        Assert.Contains("launcher broke", failed.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(0L, monitoring.ScheduledCount()); // AutomaticRetry would have scheduled a retry
        var id = monitoring.FailedJobs(0, 10).First().Key;
        Assert.Equal(1, harness.Firings.Count(f => f.BackgroundJobId == id));
    }

    [Fact]
    public async Task A_job_never_runs_beside_itself_a_firing_due_while_it_runs_waits_for_it()
    {
        using var harness = SchedulerHarness.Create(EverySecondInBerlin, start: false);
        harness.Stages.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Scheduler.Start();

        await harness.Stages.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Further firings come due every second; they are fetched and wait for the job's lock.
        await SchedulerHarness.EventuallyAsync(() => harness.Storage.GetMonitoringApi().ProcessingCount() >= 2, "a second firing is waiting");
        Assert.Single(harness.Firings);
        Assert.Equal(1, harness.Scheduler.Running);
        harness.Stages.Gate.SetResult();
        await harness.NextRunAsync();
        await harness.NextRunAsync();

        Assert.Equal(1, harness.Stages.MaxConcurrent);
        Assert.True(harness.Firings.Count >= 2);
    }

    [Fact]
    public void A_job_removed_from_schedules_is_removed_from_the_storage()
    {
        var storage = SchedulerStores.Memory();
        using (SchedulerHarness.Create(Berlin, storage, start: false))
        {
        }

        using var harness = SchedulerHarness.Create("schedules:\n  nightly: \"0 30 2 * * ?\"\n  weekly: null\n  quarterly: null\n", storage, start: false);

        Assert.Equal(["nightly"], harness.Scheduler.NextFirings().Select(f => f.Job));
    }

    [Fact]
    public void A_bad_cron_expression_is_refused_naming_the_file_line_and_key()
    {
        // Refused when the file is loaded, before any server starts.
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("schedules:\n  nightly: \"0 30 25 * * ?\"\n", "/etc/pipeline.yaml", OrchestrationConfigExtensions.Sections));

        Assert.StartsWith("/etc/pipeline.yaml:2: 'schedules.nightly' '0 30 25 * * ?' is not a cron expression Hangfire reads", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_the_line()
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse("schedules:\n  time_zone: Mars/Olympus\n", "/etc/pipeline.yaml", OrchestrationConfigExtensions.Sections));

        Assert.Contains("/etc/pipeline.yaml:2: 'schedules.time_zone'", error.Message);
        Assert.Contains("Mars/Olympus", error.Message);
    }
}
