namespace Analytics.Sources.Demo;

/// <summary>
/// A partner's row on an opportunity. The row appears at <see cref="AddedAt"/>; its attribution is blank until
/// <see cref="AttributionRecordedAt"/> (a hygiene gap the seller may fix later, or never: <see cref="DateTime.MaxValue"/>).
/// Attribution percentages are shares of <see cref="Weight"/> among the visible rows of the same attribution.
/// </summary>
internal sealed class PartnerRowLife
{
    public required PartnerProfile Partner { get; init; }

    public required string Attribution { get; init; }

    public required double Weight { get; init; }

    public required DateTime AddedAt { get; init; }

    public required DateTime AttributionRecordedAt { get; init; }
}
