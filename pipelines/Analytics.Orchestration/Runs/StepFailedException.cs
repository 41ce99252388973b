namespace Analytics.Orchestration.Runs;

/// <summary>
/// A step failed. <see cref="Permanent"/> failures (a data test failed, bad configuration) are not retried: the same
/// input would fail the same way. Other failures (a lock held, a source not answering) are retried with backoff.
/// </summary>
public sealed class StepFailedException : Exception
{
    /// <summary>A failure with <paramref name="message"/>, which the run history and the alert email show.</summary>
    public StepFailedException(string message, bool permanent, Exception? inner = null)
        : base(message, inner) => Permanent = permanent;

    /// <summary>Whether a retry cannot help.</summary>
    public bool Permanent { get; }

    /// <summary>What the step did before it failed (e.g. the data-test counts of a failed build), if anything.</summary>
    public StepResult? Partial { get; init; }
}
