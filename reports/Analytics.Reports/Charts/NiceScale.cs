namespace Analytics.Reports.Charts;

/// <summary>Chooses axis ticks at round numbers: 1, 2, 2.5 or 5 times a power of ten.</summary>
public static class NiceScale
{
    private static readonly double[] Multipliers = [1, 2, 2.5, 5];

    /// <summary>
    /// The tightest axis covering <paramref name="min"/>..<paramref name="max"/> with at most <paramref name="maxTicks"/> + 1 ticks.
    /// Ticks are multiples of the step, so zero is a tick whenever the axis spans it. A flat range (min == max) is widened
    /// to start at zero (or to 0..1 when all values are zero); non-finite input is treated as zero. A range across zero
    /// always gets zero as a tick, so it uses at least two intervals even when <paramref name="maxTicks"/> is 1.
    /// </summary>
    /// <param name="min">The smallest value to show.</param>
    /// <param name="max">The largest value to show.</param>
    /// <param name="maxTicks">The most intervals wanted between ticks (1 or more).</param>
    /// <param name="wholeSteps">Only steps of 1 or more (for counts and days).</param>
    /// <returns>The axis.</returns>
    public static AxisScale For(double min, double max, int maxTicks = 6, bool wholeSteps = false)
    {
        if (maxTicks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTicks), maxTicks, "An axis needs at least one interval (maxTicks >= 1).");
        }

        min = double.IsFinite(min) ? min : 0;
        max = double.IsFinite(max) ? max : 0;
        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (min == max)
        {
            if (min == 0)
            {
                max = wholeSteps ? maxTicks : 1;
            }
            else if (min > 0)
            {
                min = 0;
            }
            else
            {
                max = 0;
            }
        }

        // Zero is always a tick, so a range across zero needs at least two intervals.
        if (min < 0 && max > 0)
        {
            maxTicks = Math.Max(2, maxTicks);
        }

        var step = ChooseStep(min, max, maxTicks, wholeSteps);
        var first = Math.Floor(Snap(min / step));
        var last = Math.Ceiling(Snap(max / step));
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var ticks = new List<double>();
        for (var i = first; i <= last; i++)
        {
            // Round away binary noise (0.30000000000000004) while keeping steps like 0.025 exact.
            var tick = Math.Round(i * step, decimals);
            ticks.Add(tick == 0 ? 0 : tick);
        }

        return new AxisScale(ticks[0], ticks[^1], step, ticks);
    }

    private static double ChooseStep(double min, double max, int maxTicks, bool wholeSteps)
    {
        var rough = (max - min) / maxTicks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        // Try candidates from just below the rough step upwards; the first that needs few enough intervals wins.
        for (var scale = power / 10; ; scale *= 10)
        {
            foreach (var multiplier in Multipliers)
            {
                var step = multiplier * scale;
                if (wholeSteps && (step < 1 || step % 1 != 0))
                {
                    continue;
                }

                var intervals = Math.Ceiling(Snap(max / step)) - Math.Floor(Snap(min / step));
                if (intervals <= maxTicks)
                {
                    return step;
                }
            }
        }
    }

    // 0.30000000000000004 / 0.1 is 3.0000000000000004: treat such quotients as the whole number they mean.
    private static double Snap(double quotient)
    {
        var whole = Math.Round(quotient);
        return Math.Abs(quotient - whole) < 1e-9 ? whole : quotient;
    }
}
