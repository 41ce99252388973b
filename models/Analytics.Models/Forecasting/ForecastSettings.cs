namespace Analytics.Models.Forecasting;

/// <summary>
/// The method settings of the partner pipeline forecast (DOMAIN.md "Scores and forecasts"), saved with every model so
/// a back-test can be repeated exactly.
/// </summary>
/// <param name="Weighting">How a conversion cell weighs its deals (see <see cref="ConversionWeighting"/>). Count by default:
/// on the demo's back-test (four quarters at 13 day-offsets) count weighting had the lower MAPE at every offset (mean
/// 5.3 % vs 6.0 % for ARR weighting): an ARR-weighted rate swings with the few largest deals of a cell.</param>
/// <param name="TimeLeftBucketDays">Width in days of a time-left bucket: days left in the quarter after the snapshot day,
/// 0-13, 14-27, ... (the last bucket is open-ended).</param>
/// <param name="TimeLeftBuckets">Number of time-left buckets (7 two-week buckets, the last 84+ days).</param>
/// <param name="PseudoCount">Empirical-Bayes prior weight, in observations (snapshot-deal rows): a cell's rate is
/// (n × observed + k × parent) / (n + k), the parent being the (motion, stage) rate, that the motion's, that the overall
/// rate. 10 is about five deals watched at the two weekly snapshots of a two-week bucket.</param>
/// <param name="InterpolateDaysLeft">Read a stage's rate between its buckets by the exact days left (linear between
/// the buckets' mean days left, from 0 at 0 days left) instead of the bucket's flat rate: a deal 3 days before the
/// quarter's end converts far less than the average deal of a 0-13 day bucket.</param>
/// <param name="NewPipelineQuarters">How many of the latest quarters with known outcomes the new-pipeline allowance
/// (sourced ARR won in a quarter from deals not yet in its sourced pipeline) is averaged over.</param>
public sealed record ForecastSettings(
    ConversionWeighting Weighting = ConversionWeighting.Count,
    int TimeLeftBucketDays = 14,
    int TimeLeftBuckets = 7,
    double PseudoCount = 10,
    int NewPipelineQuarters = 4,
    bool InterpolateDaysLeft = true)
{
    /// <summary>The settings the product uses.</summary>
    public static ForecastSettings Default { get; } = new();

    /// <summary>The time-left bucket of a snapshot with <paramref name="daysLeft"/> days left in its quarter.</summary>
    public int BucketOf(int daysLeft) => Math.Min(Math.Max(daysLeft, 0) / TimeLeftBucketDays, TimeLeftBuckets - 1);

    /// <summary>The middle of <paramref name="bucket"/> in days left (the open-ended last bucket ends at 91, a quarter's most).</summary>
    public double BucketMidpoint(int bucket) =>
        (bucket * TimeLeftBucketDays + (bucket == TimeLeftBuckets - 1 ? Math.Max(91, bucket * TimeLeftBucketDays) : (bucket + 1) * TimeLeftBucketDays - 1)) / 2.0;

    /// <summary>The bucket in words: "0-29 days", "60+ days".</summary>
    public string BucketLabel(int bucket) =>
        bucket == TimeLeftBuckets - 1
            ? $"{bucket * TimeLeftBucketDays}+ days"
            : $"{bucket * TimeLeftBucketDays}-{(bucket + 1) * TimeLeftBucketDays - 1} days";

    /// <summary>Checks the settings; the message states the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public ForecastSettings Validate()
    {
        if (TimeLeftBucketDays is < 1 or > 92)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLeftBucketDays), TimeLeftBucketDays, "Between 1 and 92 days.");
        }

        if (TimeLeftBuckets is < 1 or > 92)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLeftBuckets), TimeLeftBuckets, "Between 1 and 92 buckets.");
        }

        if (!(PseudoCount >= 0) || double.IsInfinity(PseudoCount))
        {
            throw new ArgumentOutOfRangeException(nameof(PseudoCount), PseudoCount, "A finite number of observations, 0 or more.");
        }

        if (NewPipelineQuarters is < 0 or > 40)
        {
            throw new ArgumentOutOfRangeException(nameof(NewPipelineQuarters), NewPipelineQuarters, "Between 0 (no allowance) and 40 quarters.");
        }

        return this;
    }
}
