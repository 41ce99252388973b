using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

public sealed class RetryPolicyTests
{
    [Fact]
    public void The_default_waits_2_4_8_seconds_and_never_more_than_a_minute()
    {
        var policy = RetryPolicy.Default;

        Assert.Equal((4, 2.0, 2.0, 60.0), (policy.MaxAttempts, policy.InitialDelay.TotalSeconds, policy.Multiplier, policy.MaxDelay.TotalSeconds));
        Assert.Equal([2.0, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 7).Select(a => policy.DelayAfter(a).TotalSeconds));
    }

    [Fact]
    public void The_maximum_caps_even_the_first_wait() =>
        Assert.Equal(TimeSpan.FromSeconds(1), new RetryPolicy(3, TimeSpan.FromSeconds(5), 2, TimeSpan.FromSeconds(1)).DelayAfter(1));

    [Theory]
    [InlineData(0, 1, 2, 60)]
    [InlineData(21, 1, 2, 60)]
    [InlineData(4, -1, 2, 60)]
    [InlineData(4, 1, 0.5, 60)]
    [InlineData(4, 1, 2, -1)]
    public void Values_out_of_range_are_refused(int attempts, double initialSeconds, double multiplier, double maxSeconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RetryPolicy(attempts, TimeSpan.FromSeconds(initialSeconds), multiplier, TimeSpan.FromSeconds(maxSeconds)));
}
