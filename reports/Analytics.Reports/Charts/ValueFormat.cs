namespace Analytics.Reports.Charts;

/// <summary>What a chart's values are, which decides how they are written (see <see cref="NumberFormat.Format"/>).</summary>
public enum ValueFormat
{
    /// <summary>Dollars: "$1.2M".</summary>
    Money,

    /// <summary>Shares written as percentages: 0.35 is "35%".</summary>
    Percent,

    /// <summary>Whole counts: "1,204".</summary>
    Count,

    /// <summary>Durations in days: "42 d".</summary>
    Days,

    /// <summary>Plain numbers with up to two decimals: "3.14".</summary>
    Decimal,
}
