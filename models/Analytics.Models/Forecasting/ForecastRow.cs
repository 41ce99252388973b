namespace Analytics.Models.Forecasting;

/// <summary>One row of <c>scores.forecast</c>: a quarter's forecast for one motion (or all), current or back-tested.</summary>
internal sealed record ForecastRow(
    string FiscalQuarter,
    string Motion,
    string Kind,
    DateOnly? ForecastSnapshotDate,
    int? DaysLeft,
    DateOnly? OutcomesKnownBy,
    long TrainingObservations,
    long OpenDeals,
    double WonToDateArr,
    double OpenPipelineArr,
    double ExpectedFromOpenArr,
    double ExpectedFromNewArr,
    double? ForecastArr,
    double? ActualArr,
    double? NaiveArr,
    string? Note)
{
    /// <summary>The motion value of the rows that sum every motion.</summary>
    public const string AllMotions = "all";

    /// <summary>kind of the current quarter's rows.</summary>
    public const string CurrentKind = "forecast";

    /// <summary>kind of the back-tested quarters' rows.</summary>
    public const string BacktestKind = "backtest";

    /// <summary>|forecast - actual| / actual; null without a forecast or when the actual is 0 or unknown.</summary>
    public double? AbsPctError => PctError(ForecastArr, ActualArr);

    /// <summary>|naive - actual| / actual; null when the actual is 0 or unknown.</summary>
    public double? NaiveAbsPctError => PctError(NaiveArr, ActualArr);

    /// <summary>The forecast without the new-pipeline allowance (conversion of the visible pipeline only).</summary>
    public double? ConversionOnlyArr => ForecastArr - ExpectedFromNewArr;

    /// <summary>|estimate - actual| / actual, or null.</summary>
    public static double? PctError(double? estimate, double? actual) =>
        estimate is { } e && actual is { } a && a != 0 ? Math.Abs(e - a) / Math.Abs(a) : null;
}
