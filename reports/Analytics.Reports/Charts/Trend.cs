namespace Analytics.Reports.Charts;

/// <summary>Which way a KPI moved, shown as ▲, ▼ or ▶ beside its delta.</summary>
public enum Trend
{
    /// <summary>It rose.</summary>
    Up,

    /// <summary>It fell.</summary>
    Down,

    /// <summary>It stayed about the same.</summary>
    Flat,
}
