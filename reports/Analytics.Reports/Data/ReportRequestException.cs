namespace Analytics.Reports.Data;

/// <summary>A report was asked for something this warehouse cannot review: a quarter that has not closed or that it does
/// not hold, a partner id that is not an active partner. The message names the valid range; a usage error, not a failure.</summary>
public sealed class ReportRequestException(string message) : Exception(message);
