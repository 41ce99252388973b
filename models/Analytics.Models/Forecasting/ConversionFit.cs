namespace Analytics.Models.Forecasting;

/// <summary>
/// Fits the forecast's parameters from the history known at a cut-off: conversion rates with empirical-Bayes
/// shrinkage (cell → (motion, stage) → motion → overall, each level (n × observed + k × parent) / (n + k) with n the
/// level's observations and k the pseudo-count), and the new-pipeline allowance. Pure arithmetic over the aggregates.
/// </summary>
internal static class ConversionFit
{
    /// <summary>The parameters from <paramref name="cells"/> and <paramref name="matured"/> known by <paramref name="outcomesKnownBy"/>.</summary>
    /// <param name="cells">Conversion cells already restricted to the cut-off.</param>
    /// <param name="snapshots">Every landed snapshot (the new-pipeline allowance counts the days left of each).</param>
    /// <param name="matured">Every matured snapshot's parts of its quarter; restricted here to the cut-off.</param>
    /// <param name="outcomesKnownBy">The cut-off: only maturity snapshots on or before it count.</param>
    /// <param name="settings">The method settings.</param>
    public static ForecastParameters Fit(IReadOnlyList<ConversionCell> cells, IReadOnlyList<ForecastSnapshot> snapshots,
        IReadOnlyList<MaturedPosition> matured, DateOnly outcomesKnownBy, ForecastSettings settings)
    {
        var k = settings.PseudoCount;
        var overall = Observed(settings, cells) ?? 0;
        var rates = new List<ConversionRate>();
        foreach (var motionCells in cells.GroupBy(c => c.Motion).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var motionRate = Shrink(motionCells.Sum(c => c.Observations), Observed(settings, motionCells), overall, k);
            var stages = Enumerable.Range(1, 5).Union(motionCells.Select(c => c.StageIndex)).Order();
            foreach (var stage in stages)
            {
                var stageCells = motionCells.Where(c => c.StageIndex == stage).ToList();
                var stageRate = Shrink(stageCells.Sum(c => c.Observations), Observed(settings, stageCells), motionRate, k);
                for (var bucket = 0; bucket < settings.TimeLeftBuckets; bucket++)
                {
                    var cell = stageCells.FirstOrDefault(c => c.TimeLeftBucket == bucket);
                    var observed = cell is null ? null : Observed(settings, [cell]);
                    rates.Add(new ConversionRate(
                        motionCells.Key, stage, bucket,
                        cell?.Observations ?? 0, cell?.Deals ?? 0, cell?.WonObservations ?? 0, cell?.MeanDaysLeft ?? settings.BucketMidpoint(bucket),
                        cell?.SourcedArr ?? 0, cell?.WonArr ?? 0,
                        observed, stageRate, motionRate, Shrink(cell?.Observations ?? 0, observed, stageRate, k)));
                }
            }
        }

        var (newPipeline, newQuarters) = NewPipeline(snapshots, matured, outcomesKnownBy, settings);
        var quarters = snapshots.Where(s => s.MaturityDate <= outcomesKnownBy).Select(s => s.FiscalQuarter).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ForecastParameters(settings, outcomesKnownBy, quarters, newQuarters, overall, rates, newPipeline);
    }

    /// <summary>(n × observed + k × prior) / (n + k); the prior alone when there is nothing observed.</summary>
    public static double Shrink(long observations, double? observed, double prior, double pseudoCount) =>
        observed is { } rate && observations > 0
            ? (observations * rate + pseudoCount * prior) / (observations + pseudoCount)
            : prior;

    /// <summary>The observed rate of <paramref name="cells"/> by the configured weighting; null when nothing was observed.</summary>
    /// <remarks>ARR weighting falls back to counts when every observed deal had zero ARR.</remarks>
    public static double? Observed(ForecastSettings settings, IEnumerable<ConversionCell> cells)
    {
        long observations = 0, won = 0;
        double arr = 0, wonArr = 0;
        foreach (var cell in cells)
        {
            observations += cell.Observations;
            won += cell.WonObservations;
            arr += cell.SourcedArr;
            wonArr += cell.WonArr;
        }

        if (observations == 0)
        {
            return null;
        }

        return settings.Weighting == ConversionWeighting.Arr && arr > 0 ? wonArr / arr : (double)won / observations;
    }

    /// <summary>
    /// The allowance for deals not yet in the sourced pipeline: over every snapshot of the latest
    /// <see cref="ForecastSettings.NewPipelineQuarters"/> quarters matured by the cut-off, by (motion, bucket), the
    /// sourced ARR that came from outside the snapshot's pipeline / Σ (open sourced ARR × days then left).
    /// </summary>
    private static (IReadOnlyList<NewPipelineRate> Rates, IReadOnlyList<string> Quarters) NewPipeline(IReadOnlyList<ForecastSnapshot> snapshots,
        IReadOnlyList<MaturedPosition> matured, DateOnly outcomesKnownBy, ForecastSettings settings)
    {
        var known = snapshots.Where(s => s.MaturityDate <= outcomesKnownBy).ToList();
        var quarters = known.Select(s => s.FiscalQuarter).Distinct().Order(StringComparer.Ordinal)
            .TakeLast(settings.NewPipelineQuarters).ToList();
        var used = known.Where(s => quarters.Contains(s.FiscalQuarter)).ToList();
        var usedDates = used.Select(s => s.SnapshotDate).ToHashSet();
        var pipeline = matured.Where(m => usedDates.Contains(m.SnapshotDate)).GroupBy(m => m.SnapshotDate).ToDictionary(g => g.Key, g => g.Sum(m => m.OpenArr));
        var rates = new List<NewPipelineRate>();
        foreach (var motion in matured.Where(m => usedDates.Contains(m.SnapshotDate)).Select(m => m.Motion).Distinct().Order(StringComparer.Ordinal))
        {
            for (var bucket = 0; bucket < settings.TimeLeftBuckets; bucket++)
            {
                var inBucket = used.Where(s => s.TimeLeftBucket == bucket).ToList();
                var dates = inBucket.Select(s => s.SnapshotDate).ToHashSet();
                long daysLeft = inBucket.Sum(s => s.DaysLeft);
                var exposure = inBucket.Sum(s => s.DaysLeft * pipeline.GetValueOrDefault(s.SnapshotDate));
                var newArr = matured.Where(m => m.Motion == motion && dates.Contains(m.SnapshotDate)).Sum(m => m.NewArr);
                rates.Add(new NewPipelineRate(motion, bucket, inBucket.Count, daysLeft, exposure, newArr, exposure > 0 ? newArr / exposure : 0));
            }
        }

        return (rates, quarters);
    }
}
