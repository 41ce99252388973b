using Analytics.Reports.Weekly;

namespace Analytics.Reports.Tests.Weekly;

public sealed class IsoWeekTests
{
    [Fact]
    public void Week_47_of_2026_runs_from_Monday_16_November_to_Sunday_22_November()
    {
        var week = new IsoWeek(2026, 47);

        Assert.Equal(new DateOnly(2026, 11, 16), week.Monday);
        Assert.Equal(new DateOnly(2026, 11, 22), week.Sunday);
        Assert.Equal(DayOfWeek.Monday, week.Monday.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-W47", 2026, 47)]
    [InlineData("2026-w01", 2026, 1)]
    [InlineData("2020-W53", 2020, 53)]
    [InlineData("2026-W53", 2026, 53)]
    [InlineData("2026-W9", 2026, 9)]
    public void TryParse_existing_week_returns_it(string text, int year, int number)
    {
        Assert.True(IsoWeek.TryParse(text, out var week));
        Assert.Equal(new IsoWeek(year, number), week);
    }

    [Theory]
    [InlineData("2025-W53")] // 2025 has 52 ISO weeks
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2026-47")]
    [InlineData("2026W47")]
    [InlineData("26-W47")]
    [InlineData("2026-W4x")]
    [InlineData("2026-W+1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_text_that_is_not_a_week_returns_false(string? text)
    {
        Assert.False(IsoWeek.TryParse(text, out var week));
        Assert.Equal(default, week);
    }

    [Theory]
    [InlineData(2026, 11, 16, "2026-W47")]
    [InlineData(2026, 11, 22, "2026-W47")]
    [InlineData(2027, 1, 1, "2026-W53")] // a Friday: belongs to the ISO year before
    [InlineData(2021, 1, 3, "2020-W53")]
    [InlineData(2024, 12, 30, "2025-W01")] // a Monday: belongs to the ISO year after
    public void Containing_gives_the_ISO_week_of_the_day(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, IsoWeek.Containing(new DateOnly(year, month, day)).ToString());
    }

    [Fact]
    public void ToString_pads_the_week_to_two_digits_and_round_trips_through_TryParse()
    {
        var week = new IsoWeek(2026, 3);

        Assert.Equal("2026-W03", week.ToString());
        Assert.True(IsoWeek.TryParse(week.ToString(), out var parsed));
        Assert.Equal(week, parsed);
    }

    [Fact]
    public void Week_53_of_2026_ends_on_Sunday_3_January_2027()
    {
        Assert.True(IsoWeek.TryParse("2026-W53", out var week));

        Assert.Equal(new DateOnly(2026, 12, 28), week.Monday);
        Assert.Equal(new DateOnly(2027, 1, 3), week.Sunday);
    }
}
