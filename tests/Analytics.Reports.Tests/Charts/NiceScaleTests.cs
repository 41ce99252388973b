using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class NiceScaleTests
{
    [Theory]
    [InlineData(0, 100, 6, 0, 100, 20)]
    [InlineData(0, 1_420_000, 6, 0, 1_500_000, 250_000)]
    [InlineData(0, 0.42, 6, 0, 0.5, 0.1)]
    [InlineData(0, 0.42, 10, 0, 0.45, 0.05)]
    [InlineData(0.28, 0.41, 4, 0.25, 0.45, 0.05)]
    [InlineData(-600_000, 510_000, 6, -600_000, 600_000, 200_000)]
    [InlineData(-7.6, 3.9, 1, -10, 10, 10)]
    [InlineData(-45, -3, 5, -50, 0, 10)]
    [InlineData(0, 0, 6, 0, 1, 0.2)]
    [InlineData(7, 7, 6, 0, 8, 2)]
    [InlineData(-7, -7, 6, -8, 0, 2)]
    [InlineData(0, 1.45e10, 6, 0, 1.5e10, 2.5e9)]
    [InlineData(0, 3, 6, 0, 3, 0.5)]
    [InlineData(0, 1, 1, 0, 1, 1)]
    [InlineData(100, 0, 5, 0, 100, 20)]
    [InlineData(double.NaN, 10, 5, 0, 10, 2)]
    public void For_picks_round_ends_and_step(double min, double max, int maxTicks, double expectedMin, double expectedMax, double expectedStep)
    {
        var scale = NiceScale.For(min, max, maxTicks);

        Assert.Equal(expectedMin, scale.Min, 9);
        Assert.Equal(expectedMax, scale.Max, 9);
        Assert.Equal(expectedStep, scale.Step, 9);
    }

    [Theory]
    [InlineData(0, 3, 6, 1)]
    [InlineData(0, 0, 6, 1)]
    [InlineData(0, 27, 6, 5)]
    [InlineData(0, 230, 5, 50)]
    public void For_with_whole_steps_never_steps_by_a_fraction(double min, double max, int maxTicks, double expectedStep)
    {
        var scale = NiceScale.For(min, max, maxTicks, wholeSteps: true);

        Assert.Equal(expectedStep, scale.Step);
        Assert.All(scale.Ticks, t => Assert.Equal(Math.Round(t), t));
    }

    [Fact]
    public void For_keeps_its_promises_over_many_random_ranges()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 5000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-3, 12));
            var a = (random.NextDouble() * 2 - 1) * magnitude;
            var b = random.Next(4) == 0 ? a : (random.NextDouble() * 2 - 1) * magnitude;
            var maxTicks = random.Next(1, 9);
            var scale = NiceScale.For(a, b, maxTicks);
            var context = $"For({a}, {b}, {maxTicks}) = {scale.Min}..{scale.Max} step {scale.Step}";

            // Zero is always a tick, so a range across zero may use two intervals even when one was asked for.
            var allowed = Math.Min(a, b) < 0 && Math.Max(a, b) > 0 ? Math.Max(2, maxTicks) : maxTicks;
            Assert.True(scale.Ticks.Count <= allowed + 1, context);
            Assert.True(scale.Ticks.Count >= 2, context);
            Assert.True(scale.Min <= Math.Min(a, b) + 1e-9 * magnitude && scale.Max >= Math.Max(a, b) - 1e-9 * magnitude, context);
            var mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
            Assert.True(new[] { 1, 2, 2.5, 5 }.Any(m => Math.Abs(m - mantissa) < 1e-9), context);
            if (scale.Min <= 0 && scale.Max >= 0)
            {
                Assert.Contains(0.0, scale.Ticks);
            }

            for (var t = 1; t < scale.Ticks.Count; t++)
            {
                Assert.Equal(scale.Step, scale.Ticks[t] - scale.Ticks[t - 1], scale.Step * 1e-6);
            }
        }
    }

    [Fact]
    public void For_includes_zero_when_data_starts_at_zero_or_straddles_it()
    {
        Assert.Equal(0, NiceScale.For(0, 73).Ticks[0]);
        Assert.Contains(0.0, NiceScale.For(-12, 73).Ticks);
    }

    [Fact]
    public void For_writes_ticks_without_binary_noise()
    {
        var scale = NiceScale.For(0, 0.3, 3);

        Assert.Equal([0, 0.1, 0.2, 0.3], scale.Ticks);
    }

    [Fact]
    public void For_rejects_zero_ticks() => Assert.Throws<ArgumentOutOfRangeException>(() => NiceScale.For(0, 1, 0));
}
