namespace Analytics.Reports.Charts;

/// <summary>Less common bar chart settings.</summary>
public sealed record BarChartOptions
{
    /// <summary>The default options: vertical bars, value labels where they fit, no reference line.</summary>
    public static BarChartOptions Default { get; } = new();

    /// <summary>Bars run left to right with categories down the side (good for long category names).</summary>
    public bool Horizontal { get; init; }

    /// <summary>Writes values on or beside bars where the text fits.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>A benchmark line across the bars.</summary>
    public ReferenceLine? ReferenceLine { get; init; }
}
