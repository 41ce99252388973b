namespace Analytics.Models.Forecasting;

/// <summary>
/// A quarter's forecast at one snapshot, by motion and in total: sourced ARR already won in the quarter + Σ open
/// sourced ARR × the (motion, stage, days left) rate + the new-pipeline allowance (rate × open sourced ARR × days left).
/// Pure arithmetic.
/// </summary>
internal static class ForecastProjection
{
    /// <summary>One row per motion with pipeline, wins or an allowance, then the "all" row; actual and naive left null.</summary>
    public static IReadOnlyList<ForecastRow> Project(ForecastParameters parameters, IReadOnlyList<PipelineCell> pipeline,
        string quarter, string kind, DateOnly snapshotDate, int daysLeft, long trainingObservations)
    {
        var bucket = parameters.Settings.BucketOf(daysLeft);
        var motions = pipeline.Select(p => p.Motion)
            .Union(parameters.NewPipeline.Where(n => n.TimeLeftBucket == bucket && n.Rate != 0).Select(n => n.Motion))
            .Distinct().Order(StringComparer.Ordinal);
        var pipelineArr = pipeline.Sum(p => p.OpenArr);
        var rows = new List<ForecastRow>();
        foreach (var motion in motions)
        {
            var cells = pipeline.Where(p => p.Motion == motion).ToList();
            var open = cells.Sum(c => c.OpenArr);
            var expectedFromOpen = cells.Sum(c => c.OpenArr == 0 ? 0 : c.OpenArr * parameters.RateFor(motion, c.StageIndex, daysLeft));
            var won = cells.Sum(c => c.WonArr);
            // A negative allowance (ARR moving to another motion later) never takes a motion below what it has already won.
            var expectedFromNew = Math.Max(parameters.NewPipelineAllowance(motion, daysLeft, pipelineArr), -expectedFromOpen);
            rows.Add(new ForecastRow(quarter, motion, kind, snapshotDate, daysLeft, parameters.OutcomesKnownBy, trainingObservations,
                cells.Sum(c => c.OpenDeals), won, open, expectedFromOpen, expectedFromNew, won + expectedFromOpen + expectedFromNew,
                null, null, null));
        }

        rows.Add(new ForecastRow(quarter, ForecastRow.AllMotions, kind, snapshotDate, daysLeft, parameters.OutcomesKnownBy, trainingObservations,
            rows.Sum(r => r.OpenDeals), rows.Sum(r => r.WonToDateArr), rows.Sum(r => r.OpenPipelineArr), rows.Sum(r => r.ExpectedFromOpenArr),
            rows.Sum(r => r.ExpectedFromNewArr), rows.Sum(r => r.ForecastArr), null, null, null));
        return rows;
    }
}
