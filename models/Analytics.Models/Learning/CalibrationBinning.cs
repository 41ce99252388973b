namespace Analytics.Models.Learning;

/// <summary>How <see cref="ClassifierMetrics.Calibration"/> cuts the predicted probabilities into bins.</summary>
public enum CalibrationBinning
{
    /// <summary>Bins of (about) equal row counts, cut at quantiles of the predictions; tied predictions share a bin.</summary>
    Quantile,

    /// <summary>Bins of equal width on [0, 1]: bin k of n holds predictions in [k/n, (k+1)/n), the last one also 1.</summary>
    EqualWidth,
}
