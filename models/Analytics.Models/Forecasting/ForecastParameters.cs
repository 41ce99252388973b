namespace Analytics.Models.Forecasting;

/// <summary>
/// The fitted pipeline forecast: conversion rates by (motion, stage, time-left bucket) with their shrinkage, and the
/// new-pipeline allowance by (motion, bucket), from the observations whose outcomes were known by
/// <see cref="OutcomesKnownBy"/>. Saved in the model file (<c>pipeline_forecast/current.json</c>).
/// </summary>
/// <param name="Settings">The method settings it was fitted with.</param>
/// <param name="OutcomesKnownBy">Only snapshots whose quarter's outcome was read on or before this date were used.</param>
/// <param name="QuartersObserved">The fiscal quarters the observations come from, oldest first.</param>
/// <param name="NewPipelineQuarters">The fiscal quarters the new-pipeline allowance was averaged over, oldest first.</param>
/// <param name="OverallRate">The rate over every observation (the top of the shrinkage); 0 with no history.</param>
/// <param name="Rates">Every (motion, stage, bucket) of the motions observed, stages 1-5 and any other observed.</param>
/// <param name="NewPipeline">The allowance of every motion observed, by bucket.</param>
public sealed record ForecastParameters(
    ForecastSettings Settings,
    DateOnly OutcomesKnownBy,
    IReadOnlyList<string> QuartersObserved,
    IReadOnlyList<string> NewPipelineQuarters,
    double OverallRate,
    IReadOnlyList<ConversionRate> Rates,
    IReadOnlyList<NewPipelineRate> NewPipeline)
{
    /// <summary>
    /// The rate for sourced pipeline open in <paramref name="motion"/> at <paramref name="stageIndex"/> with
    /// <paramref name="daysLeft"/> days left in the quarter: the cell's rate (read between the stage's buckets by days
    /// left when <see cref="ForecastSettings.InterpolateDaysLeft"/>), else (stage never observed) the motion's, else
    /// (motion never observed) the overall rate.
    /// </summary>
    public double RateFor(string motion, int stageIndex, int daysLeft)
    {
        var stage = Rates.Where(r => r.Motion == motion && r.StageIndex == stageIndex).OrderBy(r => r.TimeLeftBucket).ToList();
        if (stage.Count == 0)
        {
            return Rates.FirstOrDefault(r => r.Motion == motion)?.MotionRate ?? OverallRate;
        }

        var bucket = Settings.BucketOf(daysLeft);
        if (!Settings.InterpolateDaysLeft)
        {
            return stage.FirstOrDefault(r => r.TimeLeftBucket == bucket)?.Rate ?? stage[0].StageRate;
        }

        // Piecewise linear through (0 days, rate 0) - nothing open at the end of the quarter's last day can close in it -
        // and each bucket's (mean days left, rate); flat after the last bucket's mean.
        var (x0, y0) = (0.0, 0.0);
        foreach (var point in stage)
        {
            if (daysLeft <= point.MeanDaysLeft)
            {
                return point.MeanDaysLeft <= x0 ? point.Rate : y0 + (point.Rate - y0) * (daysLeft - x0) / (point.MeanDaysLeft - x0);
            }

            (x0, y0) = (point.MeanDaysLeft, point.Rate);
        }

        return y0;
    }

    /// <summary>
    /// The new-pipeline allowance of <paramref name="motion"/> for a forecast with <paramref name="daysLeft"/> days left
    /// and <paramref name="openPipelineArr"/> open sourced ARR (every motion): rate × pipeline × days left (0 when none).
    /// </summary>
    public double NewPipelineAllowance(string motion, int daysLeft, double openPipelineArr) =>
        (NewPipeline.FirstOrDefault(n => n.Motion == motion && n.TimeLeftBucket == Settings.BucketOf(daysLeft))?.Rate ?? 0) * openPipelineArr * daysLeft;
}
