using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.TestSupport.Clocks;

namespace Analytics.Pipelines.Tests.Resilience;

public sealed class RetryPolicyTests
{
    [Fact]
    public async Task The_default_tries_4_times_waiting_2_4_8_seconds_on_the_clock()
    {
        var clock = new InstantWaitClock();
        var notices = new List<RetryNotice<bool>>();
        var attempts = 0;

        var succeeded = await RetryPolicy.Default.ToPipeline<bool>(clock, ok => !ok, notices.Add).ExecuteAsync(_ => ValueTask.FromResult(++attempts > 99));

        Assert.False(succeeded);
        Assert.Equal(4, attempts);
        Assert.Equal((4, 2.0, 60.0), (RetryPolicy.Default.MaxAttempts, RetryPolicy.Default.InitialDelay.TotalSeconds, RetryPolicy.Default.MaxDelay.TotalSeconds));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], clock.Waits);
        Assert.Equal([(1, 2.0), (2, 4.0), (3, 8.0)], notices.Select(n => (n.FailedAttempt, n.Delay.TotalSeconds)));
        Assert.All(notices, n => Assert.Equal(4, n.MaxAttempts));
    }

    [Fact]
    public async Task Waits_double_and_never_exceed_the_maximum()
    {
        var clock = new InstantWaitClock();

        await new RetryPolicy(8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)).ToPipeline<bool>(clock, ok => !ok).ExecuteAsync(_ => ValueTask.FromResult(false));

        Assert.Equal([2.0, 4, 8, 16, 32, 60, 60], clock.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task The_maximum_caps_even_the_first_wait()
    {
        var clock = new InstantWaitClock();

        await new RetryPolicy(3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)).ToPipeline<bool>(clock, ok => !ok).ExecuteAsync(_ => ValueTask.FromResult(false));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], clock.Waits);
    }

    [Fact]
    public async Task A_result_that_needs_no_retry_ends_at_once_and_one_attempt_means_no_retry()
    {
        var clock = new InstantWaitClock();
        var attempts = 0;

        await RetryPolicy.Default.ToPipeline<bool>(clock, ok => !ok).ExecuteAsync(_ => ValueTask.FromResult(++attempts == 2));
        await new RetryPolicy(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)).ToPipeline<bool>(clock, ok => !ok).ExecuteAsync(_ => ValueTask.FromResult(++attempts < 0));

        Assert.Equal(3, attempts);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
    }

    [Fact]
    public async Task A_delay_hint_replaces_the_backoff_uncapped_and_no_hint_keeps_it()
    {
        var clock = new InstantWaitClock();
        var notices = new List<RetryNotice<int>>();
        var attempts = 0;

        // Attempt 1 asks for 90 s (beyond the 60 s maximum: the server said how long), attempt 2 gives no hint.
        await RetryPolicy.Default.ToPipeline<int>(clock, n => n < 3, notices.Add, n => n == 1 ? TimeSpan.FromSeconds(90) : null)
            .ExecuteAsync(_ => ValueTask.FromResult(++attempts));

        Assert.Equal(3, attempts);
        Assert.Equal([TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(4)], clock.Waits);
        Assert.Equal([90.0, 4.0], notices.Select(n => n.Delay.TotalSeconds));
    }

    [Fact]
    public async Task An_exception_is_never_retried()
    {
        var clock = new InstantWaitClock();
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidDataException>(async () => await RetryPolicy.Default.ToPipeline<bool>(clock, _ => true)
            .ExecuteAsync<bool>(_ => { attempts++; throw new InvalidDataException("corrupt"); }));

        Assert.Equal(1, attempts);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task Cancelling_during_a_wait_ends_the_execution()
    {
        using var cancel = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await RetryPolicy.Default
            .ToPipeline<bool>(new InstantWaitClock(), ok => !ok, _ => cancel.Cancel())
            .ExecuteAsync(_ => ValueTask.FromResult(++attempts < 0), cancel.Token));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public void A_retry_section_of_the_configuration_becomes_the_policy() =>
        Assert.Equal(new RetryPolicy(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)), RetryPolicy.From(new RetryConfig(3, 30, 600)));

    [Theory]
    [InlineData(0, 1, 60)]
    [InlineData(21, 1, 60)]
    [InlineData(4, -1, 60)]
    [InlineData(4, 1, -1)]
    [InlineData(4, 86401, 60)]
    [InlineData(4, 1, 86401)]
    public void Values_out_of_range_are_refused(int attempts, double initialSeconds, double maxSeconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(attempts, TimeSpan.FromSeconds(initialSeconds), TimeSpan.FromSeconds(maxSeconds)));
}
