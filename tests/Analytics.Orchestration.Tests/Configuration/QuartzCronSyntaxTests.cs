using Analytics.Orchestration.Configuration;

namespace Analytics.Orchestration.Tests.Configuration;

public sealed class QuartzCronSyntaxTests
{
    /// <summary>Valid Quartz expressions (Analytics.Orchestration.Tests checks Quartz parses each of them too).</summary>
    public static readonly TheoryData<string> Valid =
    [
        "0 30 2 * * ?",
        "0 0 7 ? * MON",
        "0 0 6 3 1,4,7,10 ?",
        "59 59 23 31 12 ?",
        "0 0/15 * * * ?",
        "*/10 5-10 8-18/2 ? JAN-MAR MON-FRI",
        "0 0 12 L * ?",
        "0 0 12 L-3 * ?",
        "0 0 12 LW * ?",
        "0 0 12 15W * ?",
        "0 0 12 ? * 6L",
        "0 0 12 ? * FRI#3",
        "0 0 12 ? * 1-7",
        "0 0 12 1 * ? 2027",
        "0 0 22-2 * * ?",
        "0 30 2 * * *",
    ];

    /// <summary>Invalid expressions and what the refusal names.</summary>
    public static readonly TheoryData<string, string> Invalid = new()
    {
        { "0 99 2 * * ?", "minutes '99': must be from 0 to 59, not 99" },
        { "60 0 2 * * ?", "seconds '60': must be from 0 to 59, not 60" },
        { "0 30 25 * * ?", "hours '25': must be from 0 to 23, not 25" },
        { "0 30 2 32 * ?", "day-of-month '32': must be from 1 to 31, not 32" },
        { "0 30 2 0 * ?", "day-of-month '0': must be from 1 to 31, not 0" },
        { "0 30 2 1 13 ?", "month '13': must be from 1 to 12, not 13" },
        { "0 30 2 ? * 8", "day-of-week '8': must be from 1 to 7, not 8" },
        { "0 30 2 ? * FUN", "day-of-week 'FUN': 'FUN' is not a number from 1 to 7 or SUN-SAT" },
        { "0 0/75 * * * ?", "minutes '0/75': the increment after / must be a whole number from 1 to 59, not '75'" },
        { "0 10-70 * * * ?", "minutes '10-70': must be from 0 to 59, not 70" },
        { "0 30 2 * *", "it has 5 field(s), not six or seven" },
        { "0 30 2 * * * ?", "year '?': ? is allowed only in day-of-month and day-of-week" },
        { "0 30 2 ? * FRI#6", "day-of-week 'FRI#6': the week of the month after # must be a whole number from 1 to 5, not '6'" },
        { "0 30,,45 2 * * ?", "minutes '30,,45': an empty list item" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Problem_valid_expression_is_null(string cron) => Assert.Null(QuartzCronSyntax.Problem(cron));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Problem_invalid_expression_names_the_field_and_its_range(string cron, string problem) =>
        Assert.Equal(problem, QuartzCronSyntax.Problem(cron));
}
