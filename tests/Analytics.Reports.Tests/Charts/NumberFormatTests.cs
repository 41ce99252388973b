using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0, "$0")]
    [InlineData(0.4, "$0")]
    [InlineData(-0.4, "$0")]
    [InlineData(950, "$950")]
    [InlineData(999.4, "$999")]
    [InlineData(999.5, "$1K")]
    [InlineData(12_000, "$12K")]
    [InlineData(850_000, "$850K")]
    [InlineData(999_499, "$999K")]
    [InlineData(999_500, "$1.0M")]
    [InlineData(1_200_000, "$1.2M")]
    [InlineData(-1_250_000, "-$1.3M")]
    [InlineData(99_940_000, "$99.9M")]
    [InlineData(99_960_000, "$100M")]
    [InlineData(999_400_000, "$999M")]
    [InlineData(999_600_000, "$1.0B")]
    [InlineData(3_400_000_000, "$3.4B")]
    [InlineData(1.2e12, "$1200B")]
    [InlineData(double.NaN, "n/a")]
    [InlineData(double.PositiveInfinity, "n/a")]
    public void Money_writes_compact_dollars(double value, string expected) => Assert.Equal(expected, NumberFormat.Money(value));

    [Theory]
    [InlineData(0.35, 0, "35%")]
    [InlineData(0.354, 1, "35.4%")]
    [InlineData(1, 0, "100%")]
    [InlineData(0, 0, "0%")]
    [InlineData(-0.001, 0, "0%")]
    [InlineData(-0.25, 0, "-25%")]
    [InlineData(0.005, 0, "1%")]
    public void Percent_writes_shares_as_percentages(double share, int decimals, string expected) =>
        Assert.Equal(expected, NumberFormat.Percent(share, decimals));

    [Theory]
    [InlineData(3.2, "+3.2 pp")]
    [InlineData(-0.4, "-0.4 pp")]
    [InlineData(-0.04, "0.0 pp")]
    [InlineData(0.04, "0.0 pp")]
    [InlineData(0, "0.0 pp")]
    [InlineData(0.05, "+0.1 pp")]
    public void Points_are_signed_and_never_minus_zero(double delta, string expected) => Assert.Equal(expected, NumberFormat.Points(delta));

    [Theory]
    [InlineData(42, "42 d")]
    [InlineData(41.6, "42 d")]
    [InlineData(-0.2, "0 d")]
    public void Days_are_whole(double days, string expected) => Assert.Equal(expected, NumberFormat.Days(days));

    [Theory]
    [InlineData(1204, "1,204")]
    [InlineData(1_234_567, "1,234,567")]
    [InlineData(-0.3, "0")]
    [InlineData(2.5, "3")]
    public void Count_has_thousands_separators(double value, string expected) => Assert.Equal(expected, NumberFormat.Count(value));

    [Theory]
    [InlineData(120_000, "+$120K")]
    [InlineData(-1_300_000, "-$1.3M")]
    [InlineData(0.3, "$0")]
    [InlineData(-0.3, "$0")]
    public void SignedMoney_shows_the_direction(double delta, string expected) => Assert.Equal(expected, NumberFormat.SignedMoney(delta));

    [Theory]
    [InlineData(0.042, "+4%")]
    [InlineData(-0.04, "-4%")]
    [InlineData(0.001, "0%")]
    [InlineData(-0.001, "0%")]
    public void SignedPercent_shows_the_direction(double change, string expected) => Assert.Equal(expected, NumberFormat.SignedPercent(change));

    [Theory]
    [InlineData(ValueFormat.Money, 1_200_000, "$1.2M")]
    [InlineData(ValueFormat.Percent, 0.35, "35%")]
    [InlineData(ValueFormat.Count, 1204, "1,204")]
    [InlineData(ValueFormat.Days, 42, "42 d")]
    [InlineData(ValueFormat.Decimal, 3.14159, "3.14")]
    [InlineData(ValueFormat.Decimal, -0.001, "0")]
    public void Format_follows_the_value_format(ValueFormat format, double value, string expected) =>
        Assert.Equal(expected, NumberFormat.Format(format, value));

    [Theory]
    [InlineData(ValueFormat.Money, 120_000, "+$120K")]
    [InlineData(ValueFormat.Percent, -0.04, "-4%")]
    [InlineData(ValueFormat.Count, 12, "+12")]
    [InlineData(ValueFormat.Count, 0.2, "0")]
    [InlineData(ValueFormat.Days, -5, "-5 d")]
    [InlineData(ValueFormat.Decimal, 1.5, "+1.5")]
    [InlineData(ValueFormat.Decimal, 10, "+10")]
    public void Signed_follows_the_value_format(ValueFormat format, double delta, string expected) =>
        Assert.Equal(expected, NumberFormat.Signed(format, delta));

    [Fact]
    public void Percent_rejects_unreasonable_decimals() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Percent(0.5, -1));
}
