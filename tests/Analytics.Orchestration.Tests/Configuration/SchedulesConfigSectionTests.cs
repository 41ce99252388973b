using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Tests.Configuration;

public sealed class SchedulesConfigSectionTests
{
    [Theory]
    [InlineData("schedules:\n  nightly: \"0 99 2 * * ?\"\n", "pipeline.yaml:2: 'schedules.nightly' '0 99 2 * * ?' is not a Quartz cron expression: minutes '99': must be from 0 to 59, not 99 (six or seven fields: seconds 0-59, minutes 0-59, hours 0-23")]
    [InlineData("source:\n  kind: demo\nschedules:\n  time_zone: UTC\n  weekly: \"0 0 7 ? 13 MON\"\n", "pipeline.yaml:5: 'schedules.weekly' '0 0 7 ? 13 MON' is not a Quartz cron expression: month '13': must be from 1 to 12, not 13")]
    [InlineData("schedules:\n  quarterly: \"0 0 6 3 1,4,7,10\"\n", "pipeline.yaml:2: 'schedules.quarterly' '0 0 6 3 1,4,7,10' is not a Quartz cron expression: it has 5 field(s), not six or seven")]
    public void A_cron_field_out_of_range_is_refused_naming_the_line_and_the_field(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", OrchestrationConfigExtensions.Sections));

        Assert.StartsWith(expected, error.Message);
    }
}
