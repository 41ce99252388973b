namespace Analytics.Reports.Charts;

/// <summary>A named row of values, one per category; null means no value (a gap in a line, no bar).</summary>
/// <param name="Name">The name shown in the legend.</param>
/// <param name="Values">The values, in category order.</param>
public sealed record Series(string Name, IReadOnlyList<double?> Values)
{
    /// <summary>The value for category <paramref name="index"/>, or null when missing, not finite or beyond the list.</summary>
    /// <param name="index">The category's position.</param>
    /// <returns>The value or null.</returns>
    public double? ValueAt(int index) =>
        index >= 0 && index < Values.Count && Values[index] is { } v && double.IsFinite(v) ? v : null;
}
