using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Hangfire;
using Hangfire.Common;

namespace Analytics.Orchestration.Tests.Scheduling;

/// <summary>The loader's cron check (Cronos) and Hangfire agree, and the Quartz-era expressions keep working.</summary>
public sealed class PipelineCronTests
{
    public static TheoryData<string> Valid => new()
    {
        "0 30 2 * * ?",          // the shipped defaults, written for Quartz
        "0 0 7 ? * MON",
        "0 0 6 3 1,4,7,10 ?",
        "30 2 * * *",            // five fields: no seconds
        "0 */15 8-18 ? * MON-FRI",
        "0 0 6 L * ?",
        "0 0 6 ? * MON#1",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void An_expression_the_loader_accepts_Hangfire_registers(string cron)
    {
        Assert.Null(Problem(cron));
        var manager = new RecurringJobManager(SchedulerStores.Memory());

        var error = Record.Exception(() => manager.AddOrUpdate("probe", Job.FromExpression(() => Console.WriteLine()), cron, new RecurringJobOptions()));

        Assert.Null(error);
    }

    [Theory]
    [InlineData("schedules:\n  nightly: \"0 99 2 * * ?\"\n", "pipeline.yaml:2: 'schedules.nightly' '0 99 2 * * ?' is not a cron expression Hangfire reads: ")]
    [InlineData("source:\n  kind: demo\nschedules:\n  time_zone: UTC\n  weekly: \"0 0 7 ? 13 MON\"\n", "pipeline.yaml:5: 'schedules.weekly' '0 0 7 ? 13 MON' is not a cron expression Hangfire reads: ")]
    [InlineData("schedules:\n  quarterly: \"0 0 6 3 1,4,7,10 ? 2027\"\n", "pipeline.yaml:2: 'schedules.quarterly' '0 0 6 3 1,4,7,10 ? 2027' is not a cron expression Hangfire reads: it has 7 field(s), not five")]
    [InlineData("schedules:\n  weekly: \"0 0 7 ? * 2\"\n", "pipeline.yaml:2: 'schedules.weekly' '0 0 7 ? * 2' is not a cron expression Hangfire reads: day-of-week '2' is a number; write day names (MON-SUN)")]
    public void A_bad_expression_is_refused_naming_the_file_line_and_the_problem(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", OrchestrationConfigExtensions.Sections));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void The_latest_due_time_is_the_last_firing_at_or_before_the_moment_in_the_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var friday0100Utc = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero); // 02:00 in Berlin

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 1, 30, 0, TimeSpan.Zero), PipelineCron.Latest("0 30 2 * * ?", berlin, friday0100Utc));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero), PipelineCron.Next("0 30 2 * * ?", berlin, friday0100Utc));
        Assert.Equal(new DateTimeOffset(2026, 10, 3, 4, 0, 0, TimeSpan.Zero), PipelineCron.Latest("0 0 6 3 1,4,7,10 ?", berlin, friday0100Utc)); // CEST
    }

    private static string? Problem(string cron)
    {
        PipelineCron.Parse(cron, out var problem);
        return problem;
    }
}
