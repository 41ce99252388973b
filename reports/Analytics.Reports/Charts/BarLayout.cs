namespace Analytics.Reports.Charts;

/// <summary>How a bar chart places several series within one category.</summary>
public enum BarLayout
{
    /// <summary>Side by side.</summary>
    Grouped,

    /// <summary>On top of each other (negative values stack downwards).</summary>
    Stacked,
}
