namespace Analytics.Reports.Data;

/// <summary>A report cannot be produced from this warehouse (no warehouse, unknown quarter, missing scores): the
/// message says what is missing and which command makes it.</summary>
public sealed class ReportException(string message, Exception? inner = null) : Exception(message, inner);
