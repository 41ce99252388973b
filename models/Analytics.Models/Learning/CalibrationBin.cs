namespace Analytics.Models.Learning;

/// <summary>One row of a calibration table: rows whose predicted probability fell in a bin, and how often they were positive.</summary>
/// <param name="Bin">The bin's number, 1 for the lowest predictions; empty bins are left out, so numbers may skip.</param>
/// <param name="Lower">
/// The bin's lower edge: k/n for equal-width bins, the lowest prediction in the bin for quantile bins.
/// </param>
/// <param name="Upper">
/// The bin's upper edge: (k+1)/n for equal-width bins, the highest prediction in the bin for quantile bins.
/// </param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="MeanPredicted">The mean predicted probability of those rows.</param>
/// <param name="ObservedRate">The share of those rows that were positive.</param>
public sealed record CalibrationBin(int Bin, double Lower, double Upper, long Count, double MeanPredicted, double ObservedRate);
