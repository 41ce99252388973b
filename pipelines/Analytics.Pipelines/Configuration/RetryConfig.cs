namespace Analytics.Pipelines.Configuration;

/// <summary>
/// Exponential backoff of an action that failed for a passing reason: <c>delivery.retry:</c> (a send: 4xx, connection)
/// and <c>scheduler.step_retry:</c> (a failed step).
/// </summary>
/// <param name="Attempts">Attempts in all, the first included.</param>
/// <param name="InitialDelaySeconds">Wait before the second attempt; each later wait doubles.</param>
/// <param name="MaxDelaySeconds">The longest wait.</param>
public sealed record RetryConfig(int Attempts, double InitialDelaySeconds, double MaxDelaySeconds)
{
    /// <summary>Reads a retry section (attempts, initial_delay_seconds, max_delay_seconds), each key defaulting to <paramref name="defaults"/>.</summary>
    public static RetryConfig Read(YamlSection section, RetryConfig defaults)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(defaults);
        var retry = new RetryConfig(
            section.Int("attempts", defaults.Attempts, 1, 20),
            section.Double("initial_delay_seconds", defaults.InitialDelaySeconds, 0, 3600),
            section.Double("max_delay_seconds", defaults.MaxDelaySeconds, 0, 86400));
        section.RejectUnknownKeys();
        return retry;
    }
}
