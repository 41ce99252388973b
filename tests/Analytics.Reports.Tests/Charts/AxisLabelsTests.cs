using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class AxisLabelsTests
{
    [Fact]
    public void Money_axis_uses_one_unit_and_keeps_half_steps()
    {
        var labels = AxisLabels.For(ValueFormat.Money, NiceScale.For(0, 10_000, 4));

        Assert.Equal(["$0", "$2.5K", "$5K", "$7.5K", "$10K"], labels);
    }

    [Fact]
    public void Money_axis_with_negatives_signs_before_the_dollar()
    {
        Assert.Equal(["-$1M", "-$0.5M", "$0", "$0.5M", "$1M", "$1.5M"], AxisLabels.For(ValueFormat.Money, NiceScale.For(-700_000, 1_400_000, 5)));
        var labels = AxisLabels.For(ValueFormat.Money, NiceScale.For(-600_000, 510_000, 6));

        Assert.Equal(["-$600K", "-$400K", "-$200K", "$0", "$200K", "$400K", "$600K"], labels);
    }

    [Fact]
    public void Percent_axis_shows_decimals_only_when_the_step_needs_them()
    {
        Assert.Equal(["0%", "10%", "20%", "30%", "40%", "50%"], AxisLabels.For(ValueFormat.Percent, NiceScale.For(0, 0.42, 5)));
        Assert.Equal(["0%", "2.5%", "5%", "7.5%", "10%"], AxisLabels.For(ValueFormat.Percent, NiceScale.For(0, 0.1, 4)));
    }

    [Fact]
    public void Count_and_days_axes_are_plain()
    {
        Assert.Equal(["0", "500", "1,000", "1,500"], AxisLabels.For(ValueFormat.Count, NiceScale.For(0, 1400, 3)));
        Assert.Equal(["40 d", "50 d", "60 d", "70 d"], AxisLabels.For(ValueFormat.Days, NiceScale.For(44, 62, 3)));
    }
}
