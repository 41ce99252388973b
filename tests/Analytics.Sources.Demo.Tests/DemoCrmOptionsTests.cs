using Analytics.Sources.Demo;

namespace Analytics.Sources.Demo.Tests;

public sealed class DemoCrmOptionsTests
{
    [Fact]
    public void Defaults_are_seed_42_scale_1_and_36_months_ending_2026_11_30()
    {
        var options = new DemoCrmOptions();

        Assert.Equal(42, options.Seed);
        Assert.Equal(1.0, options.Scale);
        Assert.Equal(new DateOnly(2026, 11, 30), options.HistoryEnd);
        Assert.Equal(new DateOnly(2023, 11, 30), options.HistoryStart);
    }

    [Fact]
    public void HistoryStart_follows_HistoryEnd_unless_set()
    {
        Assert.Equal(new DateOnly(2022, 6, 30), new DemoCrmOptions { HistoryEnd = new DateOnly(2025, 6, 30) }.HistoryStart);
        Assert.Equal(new DateOnly(2024, 1, 1), new DemoCrmOptions { HistoryStart = new DateOnly(2024, 1, 1) }.HistoryStart);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1_000.5)]
    [InlineData(double.NaN)]
    public void A_scale_outside_the_allowed_range_is_rejected_with_the_range(double scale)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DemoCrm(new DemoCrmOptions { Scale = scale }));

        Assert.Equal("Scale", error.ParamName);
        Assert.Contains("greater than 0 and at most 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_shorter_than_90_days_is_rejected()
    {
        var options = new DemoCrmOptions { HistoryStart = new DateOnly(2026, 10, 1) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal("HistoryStart", error.ParamName);
    }

    [Fact]
    public void Scale_multiplies_accounts_and_grows_partners_with_its_square_root()
    {
        var crm = new DemoCrm(new DemoCrmOptions { Scale = 0.25 });

        var snapshot = crm.Snapshot(new DateOnly(2026, 11, 30));

        Assert.Equal(1_500, crm.AccountCount);
        Assert.Equal(60, snapshot.Partners.Count);
        Assert.Equal(6, snapshot.Partners.Select(p => p.PartnerManagerEmail).Distinct().Count());
    }
}
