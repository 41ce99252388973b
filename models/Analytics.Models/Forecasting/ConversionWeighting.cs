namespace Analytics.Models.Forecasting;

/// <summary>How a cell's conversion rate weighs the deals observed in it.</summary>
public enum ConversionWeighting
{
    /// <summary>
    /// Won sourced ARR / sourced ARR: the share of the cell's pipeline ARR that closed won by the quarter's end. The
    /// forecast multiplies ARR by the rate, so this is the unbiased choice when large and small deals convert
    /// differently, at the price of rates that swing with the few largest deals of a cell.
    /// </summary>
    Arr,

    /// <summary>Won observations / observations: every deal counts once per snapshot whatever its size (steadier; the default).</summary>
    Count,
}
