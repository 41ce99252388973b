using Analytics.Models.Forecasting;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>The C# fiscal calendar agrees with the warehouse's fiscal_quarter macros (docs/transforms.md).</summary>
public sealed class FiscalQuarterTests
{
    [Theory]
    [InlineData("2026-05-16", 1, "2026-Q2", "2026-04-01", "2026-07-01", 45, 45)]
    [InlineData("2026-03-31", 1, "2026-Q1", "2026-01-01", "2026-04-01", 89, 0)]
    [InlineData("2026-02-01", 2, "2027-Q1", "2026-02-01", "2026-05-01", 0, 88)]   // February year: named after the year it ends
    [InlineData("2026-01-31", 2, "2026-Q4", "2025-11-01", "2026-02-01", 91, 0)]
    [InlineData("2025-12-15", 4, "2026-Q3", "2025-10-01", "2026-01-01", 75, 16)]
    public void A_date_falls_in_its_fiscal_quarter(string date, int startMonth, string name, string start, string end, int offset, int daysLeft)
    {
        var day = DateOnly.Parse(date);
        var quarter = FiscalQuarter.Of(day, startMonth);
        Assert.Equal((name, DateOnly.Parse(start), DateOnly.Parse(end)), (quarter.Name, quarter.Start, quarter.End));
        Assert.Equal((offset, daysLeft), (quarter.DayOffset(day), quarter.DaysLeftAfter(day)));
    }

    [Theory]
    [InlineData("2026-05-16", 1, 1, "2026-Q1")]
    [InlineData("2026-05-16", 1, 4, "2025-Q2")]
    [InlineData("2026-02-01", 2, 1, "2026-Q4")]
    public void Before_steps_back_whole_quarters(string date, int startMonth, int count, string expected) =>
        Assert.Equal(expected, FiscalQuarter.Of(DateOnly.Parse(date), startMonth).Before(count, startMonth).Name);
}
