namespace Analytics.Sources.Demo;

/// <summary>
/// One channel conflict's whole life. Times that never happen are <see cref="DateTime.MaxValue"/>.
/// </summary>
internal sealed class ConflictLife
{
    public required string Id { get; init; }

    public required string ConflictType { get; init; }

    public required string Cause { get; init; }

    public required DateTime OpenedAt { get; init; }

    public required DateTime AcknowledgedAt { get; init; }

    public required DateTime ResolvedAt { get; init; }

    public required string Resolution { get; init; }
}
