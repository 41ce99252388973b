using Analytics.Orchestration.Scheduling;
using Analytics.Orchestration.Tests.Scheduling;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Postgres;
using Hangfire;
using Hangfire.Common;
using Npgsql;

namespace Analytics.Orchestration.Tests.Postgres;

/// <summary>The schedules on Hangfire's PostgreSQL storage, on a real PostgreSQL 15 cluster the tests start.</summary>
[Collection(PostgresServer.Collection)]
public sealed class HangfireStoreTests(PostgresServerFixture server)
{
    private const string EverySecond = """
        schedules:
          time_zone: UTC
          nightly: "* * * * * ?"
          weekly: null
          quarterly: null
        """;

    private const string NightlyInBerlin = """
        schedules:
          time_zone: Europe/Berlin
          nightly: "0 30 2 * * ?"
          weekly: null
          quarterly: null
        """;

    private static readonly TimeSpan QueuePoll = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Two_servers_on_one_store_run_every_firing_exactly_once_and_never_side_by_side()
    {
        var database = await server.CreateDatabaseAsync();
        using var runs = new TempDirectory();
        var stages = new RecordingStages();
        using var a = SchedulerHarness.Create(EverySecond, SchedulerStores.Postgres(database, QueuePoll), "node-a", stages: stages, runs: runs);
        using var b = SchedulerHarness.Create(EverySecond, SchedulerStores.Postgres(database, QueuePoll), "node-b", stages: stages, runs: runs);

        await SchedulerHarness.EventuallyAsync(() => a.Firings.Count + b.Firings.Count >= 8, "eight firings ran", TimeSpan.FromSeconds(60));
        var servers = a.Storage.GetMonitoringApi().Servers();
        a.Scheduler.Dispose();
        b.Scheduler.Dispose();

        var firings = a.Firings.Concat(b.Firings).ToList();
        Assert.Equal(2, servers.Count(s => s.Name.StartsWith("node-", StringComparison.Ordinal)));
        Assert.Equal(firings.Count, firings.Select(f => f.BackgroundJobId).Distinct().Count()); // no background job ran twice
        Assert.Equal(firings.Count, firings.Select(f => f.ScheduledAt).Distinct().Count());   // no due second ran twice
        Assert.All(firings, f => Assert.Contains(f.Node, new[] { "node-a", "node-b" }, StringComparer.Ordinal));
        Assert.Equal(1, stages.MaxConcurrent);
    }

    [Fact]
    public async Task A_schedule_survives_a_restart_with_its_next_firing_and_the_next_server_runs_it()
    {
        var database = await server.CreateDatabaseAsync();
        DateTimeOffset? next;
        using (var before = SchedulerHarness.Create(NightlyInBerlin, SchedulerStores.Postgres(database, QueuePoll), "before-restart"))
        {
            next = before.Scheduler.NextFirings().Single().Next;
            await before.Scheduler.StopAsync();
        }

        // A new process: the storage still holds the job before serve registers pipeline.yaml again, and registering the
        // same cron and zone leaves its next firing as it was.
        var storage = SchedulerStores.Postgres(database, QueuePoll);
        var stored = PipelineScheduler.NextFirings(storage).Single();
        using var after = SchedulerHarness.Create(NightlyInBerlin, storage, "after-restart", start: false);

        Assert.Equal(("nightly", "0 30 2 * * ?", "Europe/Berlin", next), (stored.Job, stored.Cron, stored.TimeZone, stored.Next));
        Assert.Equal(next, after.Scheduler.NextFirings().Single().Next);
        new RecurringJobManager(storage).Trigger("nightly"); // what the dashboard's "trigger now" does
        after.Scheduler.Start();
        var run = await after.NextRunAsync();

        Assert.Equal("after-restart", Assert.Single(after.Firings).Node);
        Assert.Equal("nightly", run.Job);
    }

    [Fact]
    public async Task A_firing_missed_on_three_nights_while_no_server_ran_runs_once_when_one_starts()
    {
        var database = await server.CreateDatabaseAsync();
        var storage = SchedulerStores.Postgres(database, QueuePoll);
        using (SchedulerHarness.Create(NightlyInBerlin, storage, "before", start: false))
        {
        }

        // The servers were down for three nights: the stored next firing is three days in the past.
        var missed = PipelineCron.Latest("0 30 2 * * ?", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), DateTimeOffset.UtcNow.AddDays(-3))!.Value;
        SetNextExecution(storage, "nightly", missed);
        using var harness = SchedulerHarness.Create(NightlyInBerlin, SchedulerStores.Postgres(database, QueuePoll), "after", start: false);
        Assert.Equal(missed, harness.Scheduler.NextFirings().Single().Next); // registering pipeline.yaml again keeps the missed firing
        harness.Scheduler.Start();

        var run = await harness.NextRunAsync();
        await SchedulerHarness.EventuallyAsync(() => harness.Storage.GetMonitoringApi().SucceededListCount() == 1, "Hangfire marks the firing succeeded");
        var nextAfter = harness.Scheduler.NextFirings().Single().Next;

        Assert.Single(harness.Firings);
        Assert.Equal("nightly", run.Job);
        Assert.True(nextAfter > DateTimeOffset.UtcNow, "the schedule proceeds to the next due night");
        var monitoring = harness.Storage.GetMonitoringApi();
        Assert.Equal((0L, 0L), (monitoring.EnqueuedCount("default"), monitoring.FailedCount()));
    }

    [Fact]
    public void A_store_that_cannot_be_reached_is_named_by_host_and_database_never_by_its_password()
    {
        const string password = "n0t-to-be-pr1nted";
        var unreachable = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = ClosedPort(),
            Database = "warehouse_schedules",
            Username = "scheduler",
            Password = password,
            Timeout = 5,
        }.ConnectionString;

        var error = Assert.Throws<SchedulerStoreException>(() => SchedulerStores.Postgres(unreachable, QueuePoll));

        Assert.Contains("database 'warehouse_schedules' on host 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
    }

    // What a store looks like after its servers were down past a due firing: the recurring job registered and last fired
    // before it, its next execution (hash, and the score Hangfire's scheduler polls by) in the past.
    private static void SetNextExecution(JobStorage storage, string job, DateTimeOffset due)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        var before = JobHelper.SerializeDateTime(due.UtcDateTime.AddDays(-1)); // registered, and last fired, the night before
        transaction.SetRangeInHash($"recurring-job:{job}",
            [new("NextExecution", JobHelper.SerializeDateTime(due.UtcDateTime)), new("LastExecution", before), new("CreatedAt", before)]);
        transaction.RemoveFromSet("recurring-jobs", job); // some storages keep the old score on a re-add
        transaction.AddToSet("recurring-jobs", job, JobHelper.ToTimestamp(due.UtcDateTime));
        transaction.Commit();
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
