namespace Analytics.Pipelines.Resilience;

/// <summary>A retry about to happen: what the failed attempt returned, which attempt it was and how long the wait is.</summary>
/// <typeparam name="T">What one attempt returns.</typeparam>
/// <param name="Result">The failed attempt's result.</param>
/// <param name="FailedAttempt">The attempt that failed (1-based); the next is <paramref name="FailedAttempt"/> + 1.</param>
/// <param name="MaxAttempts">Attempts in all.</param>
/// <param name="Delay">The wait before the next attempt.</param>
public readonly record struct RetryNotice<T>(T Result, int FailedAttempt, int MaxAttempts, TimeSpan Delay);
