using System.Globalization;

namespace Analytics.Reports.Charts;

/// <summary>
/// Tick labels for a value axis: one unit and just enough decimals for the whole axis, so ticks 0, 2,500, 5,000
/// read "$0", "$2.5K", "$5K" rather than rounding "$2.5K" to "$3K" as <see cref="NumberFormat.Money"/> would.
/// </summary>
public static class AxisLabels
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The labels of <paramref name="scale"/>'s ticks, in order.</summary>
    /// <param name="format">What the values are.</param>
    /// <param name="scale">The axis.</param>
    /// <returns>One label per tick.</returns>
    public static IReadOnlyList<string> For(ValueFormat format, AxisScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var largest = scale.Ticks.Max(Math.Abs);
        return format switch
        {
            ValueFormat.Money => Money(scale, largest),
            ValueFormat.Percent => [.. scale.Ticks.Select(t => Trim(t * 100, Decimals(scale.Step * 100)) + "%")],
            ValueFormat.Days => [.. scale.Ticks.Select(t => Trim(t, Decimals(scale.Step)) + " d")],
            ValueFormat.Count or ValueFormat.Decimal => [.. scale.Ticks.Select(t => Trim(t, Decimals(scale.Step)))],
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown value format."),
        };
    }

    private static IReadOnlyList<string> Money(AxisScale scale, double largest)
    {
        var (divisor, suffix) = largest switch
        {
            >= 1e9 => (1e9, "B"),
            >= 1e6 => (1e6, "M"),
            >= 1e3 => (1e3, "K"),
            _ => (1.0, ""),
        };
        var decimals = Decimals(scale.Step / divisor);
        return [.. scale.Ticks.Select(t => t == 0 ? "$0" : (t < 0 ? "-$" : "$") + Trim(Math.Abs(t) / divisor, decimals) + suffix)];
    }

    // Decimals needed to write multiples of the step exactly (2.5 needs 1, 0.25 needs 2), at most 3.
    private static int Decimals(double step)
    {
        for (var decimals = 0; decimals < 3; decimals++)
        {
            var scaled = step * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6)
            {
                return decimals;
            }
        }

        return 3;
    }

    private static string Trim(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("#,0." + new string('#', decimals), Invariant);
    }
}
