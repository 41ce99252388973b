namespace Analytics.Reports.Charts;

/// <summary>How a <see cref="BarChart"/> is drawn beyond its data.</summary>
public sealed record BarChartOptions
{
    /// <summary>Vertical bars with value labels, no reference line.</summary>
    public static BarChartOptions Default { get; } = new();

    /// <summary>Bars run left to right, categories down the left (suits long category names).</summary>
    public bool Horizontal { get; init; }

    /// <summary>Writes each bar's value beside it (grouped bars only; stacked segments carry none).</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>A dashed benchmark line across the bars, e.g. the direct-sales win rate.</summary>
    public ReferenceLine? ReferenceLine { get; init; }

    /// <summary>The line of text written instead of the chart when no value is other than zero.</summary>
    public string? EmptyText { get; init; }
}
