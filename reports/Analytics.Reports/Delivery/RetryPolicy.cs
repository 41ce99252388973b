namespace Analytics.Reports.Delivery;

/// <summary>
/// How often and how patiently transient failures are retried: attempt n+1 waits
/// min(<see cref="InitialDelay"/> × <see cref="Multiplier"/>^(n-1), <see cref="MaxDelay"/>) after attempt n.
/// </summary>
/// <param name="MaxAttempts">Attempts per email and run, 1-20 (1: no retry).</param>
/// <param name="InitialDelay">The wait after the first failed attempt (zero or more).</param>
/// <param name="Multiplier">Growth of the wait per attempt, 1-10.</param>
/// <param name="MaxDelay">The longest single wait (caps every wait, the first included).</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, double Multiplier, TimeSpan MaxDelay)
{
    /// <summary>4 attempts, waiting 2 s, 4 s, 8 s between them (at most 60 s).</summary>
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(60));

    /// <summary>Attempts per email and run.</summary>
    public int MaxAttempts { get; init; } = MaxAttempts is >= 1 and <= 20
        ? MaxAttempts
        : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "Between 1 and 20 attempts.");

    /// <summary>The wait after the first failed attempt.</summary>
    public TimeSpan InitialDelay { get; init; } = InitialDelay >= TimeSpan.Zero
        ? InitialDelay
        : throw new ArgumentOutOfRangeException(nameof(InitialDelay), InitialDelay, "The initial delay must not be negative.");

    /// <summary>Growth of the wait per attempt.</summary>
    public double Multiplier { get; init; } = Multiplier is >= 1 and <= 10
        ? Multiplier
        : throw new ArgumentOutOfRangeException(nameof(Multiplier), Multiplier, "The multiplier must be between 1 and 10.");

    /// <summary>The longest single wait.</summary>
    public TimeSpan MaxDelay { get; init; } = MaxDelay >= TimeSpan.Zero
        ? MaxDelay
        : throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "The maximum delay must not be negative.");

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based) before the next one.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ticks = InitialDelay.Ticks * Math.Pow(Multiplier, attempt - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
