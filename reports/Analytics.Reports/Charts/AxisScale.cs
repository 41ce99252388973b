namespace Analytics.Reports.Charts;

/// <summary>A value axis: its ends, the step between ticks, and the ticks (round numbers, ascending).</summary>
/// <param name="Min">The axis' lower end (the first tick).</param>
/// <param name="Max">The axis' upper end (the last tick).</param>
/// <param name="Step">The distance between ticks.</param>
/// <param name="Ticks">The tick values from <paramref name="Min"/> to <paramref name="Max"/>.</param>
public sealed record AxisScale(double Min, double Max, double Step, IReadOnlyList<double> Ticks)
{
    /// <summary>Where <paramref name="value"/> falls between the ends, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    /// <param name="value">A value in axis units.</param>
    /// <returns>The fraction (outside 0-1 for values beyond the ends).</returns>
    public double Fraction(double value) => Max > Min ? (value - Min) / (Max - Min) : 0;
}
