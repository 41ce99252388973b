namespace Analytics.Models.Tests.Forecasting;

/// <summary>A row of scores.forecast as the tests read it (dates as yyyy-MM-dd text: Dapper maps no DateOnly).</summary>
public sealed class ForecastTableRow
{
    public const string Select =
        """
        select fiscal_quarter as FiscalQuarter, motion as Motion, strftime(forecast_snapshot_date, '%Y-%m-%d') as ForecastSnapshotDate,
            days_left as DaysLeft, strftime(outcomes_known_by, '%Y-%m-%d') as OutcomesKnownBy, training_observations as TrainingObservations,
            open_deals as OpenDeals, won_to_date_arr::double as WonToDateArr, open_pipeline_arr::double as OpenPipelineArr,
            expected_from_open_arr::double as ExpectedFromOpenArr, expected_from_new_arr::double as ExpectedFromNewArr,
            forecast_arr::double as ForecastArr, actual_arr::double as ActualArr, abs_pct_error as AbsPctError,
            naive_arr::double as NaiveArr, naive_abs_pct_error as NaiveAbsPctError, note as Note
        from scores.forecast
        """;

    public string FiscalQuarter { get; set; } = "";
    public string Motion { get; set; } = "";
    public string? ForecastSnapshotDate { get; set; }
    public int? DaysLeft { get; set; }
    public string? OutcomesKnownBy { get; set; }
    public long TrainingObservations { get; set; }
    public long OpenDeals { get; set; }
    public double WonToDateArr { get; set; }
    public double OpenPipelineArr { get; set; }
    public double ExpectedFromOpenArr { get; set; }
    public double ExpectedFromNewArr { get; set; }
    public double? ForecastArr { get; set; }
    public double? ActualArr { get; set; }
    public double? AbsPctError { get; set; }
    public double? NaiveArr { get; set; }
    public double? NaiveAbsPctError { get; set; }
    public string? Note { get; set; }
}
