using System.Diagnostics;
using Analytics.Orchestration.Scheduling;
using Analytics.TestSupport.Postgres;
using Npgsql;
using Quartz;
using Xunit.Abstractions;
using Analytics.TestSupport.Clocks;

namespace Analytics.Orchestration.Tests.Postgres;

[Collection(PostgresServer.Collection)]
public sealed class QuartzStoreTests(PostgresServerFixture server, ITestOutputHelper output)
{
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_scheduler_on_a_database_without_the_schema_refuses_to_start_naming_a_missing_table()
    {
        var database = await server.CreateDatabaseAsync();
        await using var factory = Build(QuartzSchemaTests.Settings(database));

        var error = await Assert.ThrowsAnyAsync<SchedulerException>(async () =>
        {
            var scheduler = await factory.GetScheduler();
            await scheduler.Start();
        });

        var messages = string.Join("\n", Chain(error).Select(e => e.Message));
        Assert.Contains("qrtz_job_details", messages, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("schema validation failed", messages, StringComparison.Ordinal);
        Assert.Empty(await QuartzSchemaTests.ShapeAsync(database)); // validated, never created
    }

    [Fact]
    public async Task A_cron_schedule_survives_a_restart_and_fires_on_the_next_instance()
    {
        var database = await server.CreateDatabaseAsync();
        await QuartzSchema.CreateAsync(database, CancellationToken.None);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(2026, 11, 20, 0, 59, 57, TimeSpan.Zero); // 01:59:57 in Berlin
        var log = FiringLog.Open();
        var jobKey = new JobKey("nightly-report");
        var triggerKey = new TriggerKey("nightly-report-0200");

        DateTimeOffset? scheduledNext;
        var firstClock = new ManualClock(start);
        await using (var first = Build(QuartzSchemaTests.Settings(database, "before-restart"), firstClock))
        {
            var scheduler = await first.GetScheduler();
            var job = JobBuilder.Create<ProbeJob>().WithIdentity(jobKey).UsingJobData(FiringLog.JobDataKey, log.Id).Build();
            var trigger = TriggerBuilder.Create(firstClock).WithIdentity(triggerKey)
                .WithCronSchedule("0 0 2 * * ?", cron => cron.InTimeZone(berlin)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            scheduledNext = await scheduler.ScheduleJob(job, trigger);
            await scheduler.Start();
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        var secondClock = new ManualClock(start + TimeSpan.FromSeconds(1));
        await using var second = Build(QuartzSchemaTests.Settings(database, "after-restart"), secondClock);
        var restarted = await second.GetScheduler();
        var storedJob = await restarted.GetJobDetail(jobKey);
        var storedTrigger = Assert.IsAssignableFrom<ICronTrigger>(await restarted.GetTrigger(triggerKey));
        await restarted.Start();
        await AdvanceUntilAsync(secondClock, () => log.WaitForAsync(1, TimeSpan.FromMilliseconds(250)));
        await restarted.Shutdown(waitForJobsToComplete: true);

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), scheduledNext);
        Assert.Equal(typeof(ProbeJob), storedJob?.JobType.Type);
        Assert.Equal("0 0 2 * * ?", storedTrigger.CronExpressionString);
        Assert.Equal(berlin.Id, storedTrigger.TimeZone.Id);
        Assert.Equal(scheduledNext, storedTrigger.NextFireTimeUtc);
        var firing = Assert.Single(log.Firings);
        Assert.Equal(scheduledNext, firing.ScheduledUtc);
        Assert.Equal("after-restart", firing.SchedulerInstanceId);
    }

    [Fact]
    public async Task Two_clustered_instances_on_one_store_run_every_firing_exactly_once()
    {
        const int jobs = 3;
        const int firingsPerJob = 5;
        var database = await server.CreateDatabaseAsync();
        await QuartzSchema.CreateAsync(database, CancellationToken.None);
        var log = FiringLog.Open();
        await using var nodeA = Build(QuartzSchemaTests.Settings(database, "node-a"));
        await using var nodeB = Build(QuartzSchemaTests.Settings(database, "node-b"));
        var a = await nodeA.GetScheduler();
        var b = await nodeB.GetScheduler();
        await a.Start();
        await b.Start();
        var firstFire = DateTimeOffset.UtcNow.AddSeconds(2);
        for (var j = 0; j < jobs; j++)
        {
            var job = JobBuilder.Create<SerialProbeJob>().WithIdentity($"export-{j}")
                .UsingJobData(FiringLog.JobDataKey, log.Id).Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"export-{j}").StartAt(firstFire)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(firingsPerJob - 1))
                .Build();
            await (j % 2 == 0 ? a : b).ScheduleJob(job, trigger);
        }

        await log.WaitForAsync(jobs * firingsPerJob, s_generous);
        var liveNodes = await CountAsync(database, "select count(*) from qrtz_scheduler_state where sched_name = 'analytics'");
        await a.Shutdown(waitForJobsToComplete: true);
        await b.Shutdown(waitForJobsToComplete: true);

        var firings = log.Firings;
        output.WriteLine(string.Join("\n", firings.GroupBy(f => f.SchedulerInstanceId).Select(g => $"{g.Key}: {g.Count()} firings")));
        Assert.Equal(2, liveNodes);
        Assert.Equal(jobs * firingsPerJob, firings.Count);
        Assert.Equal(firings.Count, firings.Select(f => f.FireInstanceId).Distinct().Count());
        var expected = Enumerable.Range(0, jobs)
            .SelectMany(j => Enumerable.Range(0, firingsPerJob).Select(k => ($"export-{j}", firstFire.AddSeconds(k))))
            .OrderBy(x => x).ToList();
        Assert.Equal(expected, firings.Select(f => (f.Job, f.ScheduledUtc)).OrderBy(x => x).ToList());
        Assert.All(firings, f => Assert.Contains(f.SchedulerInstanceId, new[] { "node-a", "node-b" }));
    }

    [Fact]
    public async Task Without_a_connection_string_the_schedule_is_kept_in_memory_under_a_generated_instance_id()
    {
        await using var factory = Build(new SchedulerStoreSettings(null, "analytics", null, TimeSpan.Zero));
        var scheduler = await factory.GetScheduler();

        var metadata = await scheduler.GetMetadata();

        Assert.False(metadata.JobStorePersistent);
        Assert.Equal("analytics", metadata.SchedulerName);
        Assert.Matches($@"^{Environment.MachineName}-{Environment.ProcessId}-[0-9a-f]{{8}}$", metadata.SchedulerInstanceId);
        await scheduler.Shutdown();
    }

    [Theory]
    [InlineData("", "SchedulerName")]
    [InlineData("analytics", "ClusterCheckin")]
    public void Configure_rejects_a_setting_out_of_range_naming_it(string schedulerName, string named)
    {
        var settings = new SchedulerStoreSettings("Host=127.0.0.1;Database=x", schedulerName, null, TimeSpan.Zero);

        var error = Assert.Throws<ArgumentException>(() => QuartzSchedulerBuilder.Create(q => QuartzStore.Configure(q, settings)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static StandaloneSchedulerFactory Build(SchedulerStoreSettings settings, TimeProvider? clock = null) =>
        QuartzSchedulerBuilder.Create(q =>
        {
            QuartzStore.Configure(q, settings);
            q.AddJobType<ProbeJob>();
            q.AddJobType<SerialProbeJob>();
            if (clock is not null)
            {
                q.UseTimeProvider(clock);
            }
        }).Build();

    // Steps the fake clock a second at a time, giving the scheduler a moment of real time after each step, until the
    // awaited signal arrives; fails after a generous real-time limit.
    private static async Task AdvanceUntilAsync(ManualClock clock, Func<Task> signal)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await signal();
                return;
            }
            catch (TimeoutException) when (elapsed.Elapsed < s_generous)
            {
            }
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
