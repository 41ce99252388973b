namespace Analytics.Pipelines.Configuration;

/// <summary><c>fiscal:</c>.</summary>
/// <param name="YearStartMonth">First month (1-12) of the fiscal year.</param>
public sealed record FiscalConfig(int YearStartMonth);
