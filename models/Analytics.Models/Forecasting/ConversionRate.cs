namespace Analytics.Models.Forecasting;

/// <summary>
/// The chance that partner-sourced pipeline open at a snapshot closes won by the end of that snapshot's fiscal quarter,
/// for one (motion, stage_index, time-left bucket), as observed and after shrinkage (a row of
/// <c>scores.forecast_conversion_rates</c>).
/// </summary>
/// <param name="Motion">The deal's reporting motion at the snapshot ('unspecified' when blank).</param>
/// <param name="StageIndex">The open stage, 1-5.</param>
/// <param name="TimeLeftBucket">0 = fewest days left in the quarter (see <see cref="ForecastSettings.BucketOf"/>).</param>
/// <param name="Observations">(snapshot, deal) rows with a known outcome; a deal open over several snapshots counts in each.</param>
/// <param name="Deals">Distinct deals among the observations.</param>
/// <param name="WonObservations">Observations whose deal closed won by the quarter's end.</param>
/// <param name="MeanDaysLeft">Where the cell sits in time: the observations' mean days left (the bucket's midpoint when empty).</param>
/// <param name="SourcedArr">Sourced ARR summed over the observations.</param>
/// <param name="WonArr">The part of <paramref name="SourcedArr"/> that closed won by the quarter's end.</param>
/// <param name="ObservedRate">The cell's own rate (by the configured weighting); null when it has no observations.</param>
/// <param name="StageRate">The (motion, stage) rate over every bucket, itself shrunk toward <paramref name="MotionRate"/>: the cell's prior.</param>
/// <param name="MotionRate">The motion's rate over every stage and bucket, shrunk toward the overall rate.</param>
/// <param name="Rate">The rate the forecast uses: (n × observed + k × stage rate) / (n + k).</param>
public sealed record ConversionRate(
    string Motion,
    int StageIndex,
    int TimeLeftBucket,
    long Observations,
    long Deals,
    long WonObservations,
    double MeanDaysLeft,
    double SourcedArr,
    double WonArr,
    double? ObservedRate,
    double StageRate,
    double MotionRate,
    double Rate);
