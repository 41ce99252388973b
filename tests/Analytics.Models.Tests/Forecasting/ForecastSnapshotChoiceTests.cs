using Analytics.Models.Forecasting;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>Which snapshot a back-tested quarter is forecast from.</summary>
public sealed class ForecastSnapshotChoiceTests
{
    private static readonly ForecastSnapshot[] Weekly =
        new[] { "2025-12-27", "2026-01-03", "2026-01-10", "2026-02-14", "2026-02-21", "2026-03-28", "2026-04-04" }
            .Select(d => new ForecastSnapshot(DateOnly.Parse(d), "", 0, 0, null)).ToArray();

    [Theory]
    [InlineData(45, "2026-02-14")]   // target 2026-02-15: the latest on or before it
    [InlineData(51, "2026-02-21")]   // target exactly a snapshot
    [InlineData(1, "2026-01-03")]    // never a snapshot of the quarter before
    [InlineData(0, "2026-01-03")]    // none on or before the target inside the quarter: the quarter's earliest
    [InlineData(91, "2026-03-28")]
    public void The_forecast_snapshot_is_the_latest_at_the_same_day_offset(int offset, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ForecastBacktest.SnapshotFor(Weekly, FiscalQuarter.Of(new DateOnly(2026, 2, 1), 1), offset));

    [Fact]
    public void A_quarter_without_a_snapshot_has_no_forecast_snapshot() =>
        Assert.Null(ForecastBacktest.SnapshotFor(Weekly, FiscalQuarter.Of(new DateOnly(2025, 8, 1), 1), 45));
}
