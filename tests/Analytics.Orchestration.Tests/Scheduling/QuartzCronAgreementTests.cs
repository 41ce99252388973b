using Analytics.Pipelines.Configuration;
using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Tests.Configuration;
using Quartz;

namespace Analytics.Orchestration.Tests.Scheduling;

/// <summary>The loader's cron check accepts only what Quartz parses, and is stricter where Quartz is lenient.</summary>
public sealed class QuartzCronAgreementTests
{
    public static TheoryData<string> Valid => QuartzCronSyntaxTests.Valid;

    [Theory]
    [MemberData(nameof(Valid))]
    public void An_expression_the_loader_accepts_Quartz_parses(string cron)
    {
        Assert.Null(QuartzCronSyntax.Problem(cron));
        Assert.Null(Record.Exception(() => CronExpression.Parse(cron)));
    }

    [Fact]
    public void Quartz_itself_accepts_a_minute_of_99_so_the_loader_checks_the_fields()
    {
        Assert.Null(Record.Exception(() => CronExpression.Parse("0 99 2 * * ?")));
        Assert.Equal("minutes '99': must be from 0 to 59, not 99", QuartzCronSyntax.Problem("0 99 2 * * ?"));
    }
}
