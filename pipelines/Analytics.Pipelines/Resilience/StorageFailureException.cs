namespace Analytics.Pipelines.Resilience;

/// <summary>
/// A write to storage failed in a way a retry cannot cure (<see cref="StorageFailure"/>); the message names what could
/// not be written and whether the disk is full. An <see cref="IOException"/>, so the CLI exits 1 with its message.
/// </summary>
public sealed class StorageFailureException : IOException
{
    /// <summary>A failure described by <paramref name="message"/> (see <see cref="StorageFailure.Describe"/>), caused by <paramref name="inner"/>.</summary>
    public StorageFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Wraps <paramref name="e"/>, naming <paramref name="what"/> could not be written.</summary>
    public static StorageFailureException From(Exception e, string? what) =>
        e as StorageFailureException ?? new StorageFailureException(StorageFailure.Describe(e, what), e);
}
