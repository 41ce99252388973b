using Analytics.Pipelines.Configuration;

namespace Analytics.Pipelines.Resilience;

/// <summary>
/// How often and how patiently a failure for a passing reason is retried: after failed attempt n the wait is
/// min(<see cref="InitialDelay"/> × 2^(n-1), <see cref="MaxDelay"/>), without jitter (4 attempts from 2 s: 2 s, 4 s, 8 s).
/// <see cref="ToPipeline{T}"/> turns it into the Polly pipeline that does the waiting, on a <see cref="TimeProvider"/>.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included, 1-20 (1: no retry).</param>
/// <param name="InitialDelay">The wait after the first failed attempt, zero to one day.</param>
/// <param name="MaxDelay">The longest single wait (caps every wait, the first included), zero to one day.</param>
public sealed partial record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    // Polly refuses delays beyond a day; the configuration allows at most an hour (initial) and a day (maximum).
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>4 attempts, waiting 2 s, 4 s, 8 s between them (at most 60 s): delivery.retry's defaults.</summary>
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    /// <summary>Attempts in all.</summary>
    public int MaxAttempts { get; init; } = MaxAttempts is >= 1 and <= 20
        ? MaxAttempts
        : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "Between 1 and 20 attempts.");

    /// <summary>The wait after the first failed attempt.</summary>
    public TimeSpan InitialDelay { get; init; } = InitialDelay >= TimeSpan.Zero && InitialDelay <= LongestWait
        ? InitialDelay
        : throw new ArgumentOutOfRangeException(nameof(InitialDelay), InitialDelay, "The initial delay must be between zero and one day.");

    /// <summary>The longest single wait.</summary>
    public TimeSpan MaxDelay { get; init; } = MaxDelay >= TimeSpan.Zero && MaxDelay <= LongestWait
        ? MaxDelay
        : throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "The maximum delay must be between zero and one day.");

    /// <summary>The policy a <c>retry:</c> section of pipeline.yaml describes (delivery.retry, scheduler.step_retry).</summary>
    public static RetryPolicy From(RetryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RetryPolicy(config.Attempts, TimeSpan.FromSeconds(config.InitialDelaySeconds), TimeSpan.FromSeconds(config.MaxDelaySeconds));
    }
}
