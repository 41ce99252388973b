using System.Globalization;

namespace Analytics.Models.Forecasting;

/// <summary>
/// The forecast judged on quarters its settings never saw (nested back-test): for each back-tested quarter Q, every
/// candidate setting (<see cref="Candidates"/>, variations of the forecaster's) is back-tested on the up to <see cref="InnerQuarters"/> quarters before Q
/// (each forecast from what was known at its own snapshot, each actual known before Q began); the candidate with the
/// lowest MAPE there forecasts Q. So Q's error is what the method would have shown had it been tuned then, and the
/// MAPE over the Qs is an honest estimate, beside the naive baseline (the previous quarter's actual).
/// </summary>
internal static class NestedBacktest
{
    /// <summary>Quarters before each back-tested quarter that choose its settings.</summary>
    public const int InnerQuarters = 4;

    /// <summary>Day offsets into the quarter the nested back-test is reported at (the first ten days included).</summary>
    public static IReadOnlyList<int> Offsets { get; } = [0, 3, 7, 10, 20, 30, 45, 60, 75];

    /// <summary>The settings a quarter may be forecast with: the forecaster's own first (it wins ties), then variations of it.</summary>
    public static IReadOnlyList<(string Name, ForecastSettings Settings)> Candidates(ForecastSettings settings) =>
    [
        ("default", settings),
        ("pseudo_count_3", settings with { PseudoCount = 3 }),
        ("pseudo_count_30", settings with { PseudoCount = 30 }),
        ("arr_weighted", settings with { Weighting = ConversionWeighting.Arr }),
        ("flat_buckets", settings with { InterpolateDaysLeft = false }),
        ("new_pipeline_2q", settings with { NewPipelineQuarters = 2 }),
    ];

    /// <summary>
    /// The nested back-test at each of <paramref name="offsets"/>; offsets whose forecasts all start from the same
    /// snapshots (weekly snapshots make days 0-6 alike) are computed once.
    /// </summary>
    public static IReadOnlyList<NestedBacktestResult> Run(ForecastHistory history, ForecastSettings settings, int quarters, IEnumerable<int> offsets)
    {
        var current = FiscalQuarter.Of(history.SnapshotDate, history.StartMonth);
        var computed = new Dictionary<string, NestedBacktestResult>(StringComparer.Ordinal);
        var results = new List<NestedBacktestResult>();
        foreach (var offset in offsets.Distinct().Order())
        {
            var key = string.Join(",", Enumerable.Range(1, quarters + InnerQuarters)
                .Select(k => ForecastBacktest.SnapshotFor(history.Snapshots, current.Before(k, history.StartMonth), offset)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (!computed.TryGetValue(key, out var result))
            {
                result = Run(history, settings, quarters, offset);
                computed[key] = result;
            }

            results.Add(result with { Offset = offset });
        }

        return results;
    }

    /// <summary>The nested back-test of the <paramref name="quarters"/> quarters before the snapshot's, at <paramref name="offset"/> days into each.</summary>
    public static NestedBacktestResult Run(ForecastHistory history, ForecastSettings settings, int quarters, int offset)
    {
        var candidates = Candidates(settings);
        var current = FiscalQuarter.Of(history.SnapshotDate, history.StartMonth);
        var all = quarters + InnerQuarters;
        var byCandidate = candidates
            .Select(c => ForecastBacktest.Run(history, c.Settings, all, offset).Rows.GroupBy(r => r.FiscalQuarter).ToDictionary(g => g.Key, g => g.ToList()))
            .ToList();
        var outer = new List<NestedQuarter>();
        for (var k = 1; k <= quarters; k++)
        {
            var quarter = current.Before(k, history.StartMonth).Name;
            var inner = Enumerable.Range(k + 1, InnerQuarters).Select(i => current.Before(i, history.StartMonth).Name).ToList();
            var chosen = 0;
            double? best = null;
            for (var c = 0; c < candidates.Count; c++)
            {
                var mape = Mean(inner.Select(q => Scored(byCandidate[c], q)?.AbsPctError));
                if (mape is { } m && (best is null || m < best))
                {
                    (best, chosen) = (m, c);
                }
            }

            if (byCandidate[chosen].TryGetValue(quarter, out var rows) && Scored(byCandidate[chosen], quarter) is { } total)
            {
                outer.Add(new NestedQuarter(quarter, candidates[chosen].Name, best, total, rows.Where(r => r.Motion != ForecastRow.AllMotions).ToList()));
            }
        }

        var motions = outer.SelectMany(q => q.Motions.Select(r => r.Motion)).Distinct().Order(StringComparer.Ordinal).ToList();
        var byMotion = motions.ToDictionary(
            m => m,
            m => (Mean(outer.Select(q => q.Motions.FirstOrDefault(r => r.Motion == m)?.AbsPctError)), Mean(outer.Select(q => q.Motions.FirstOrDefault(r => r.Motion == m)?.NaiveAbsPctError))),
            StringComparer.Ordinal);
        return new NestedBacktestResult(offset, outer, Mean(outer.Select(q => q.All.AbsPctError)), Mean(outer.Select(q => q.All.NaiveAbsPctError)), byMotion);
    }

    /// <summary>The quarter's "all" row when it can be scored (a forecast with conversion history, an actual), else null.</summary>
    private static ForecastRow? Scored(Dictionary<string, List<ForecastRow>> rows, string quarter) =>
        rows.TryGetValue(quarter, out var list)
        && list.FirstOrDefault(r => r.Motion == ForecastRow.AllMotions) is { TrainingObservations: > 0, AbsPctError: not null, NaiveAbsPctError: not null } all
            ? all
            : null;

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count > 0 ? list.Average() : null;
    }
}

/// <summary>A nested back-test at one day offset.</summary>
/// <param name="Offset">Days into each quarter the forecast snapshot was taken (the latest landed at or before).</param>
/// <param name="Quarters">The back-tested quarters that could be scored, newest first.</param>
/// <param name="Mape">Mean absolute percentage error of the total over those quarters (a fraction); null when none.</param>
/// <param name="NaiveMape">The same for the naive baseline.</param>
/// <param name="ByMotion">Per motion, the forecast's and the naive baseline's mean absolute percentage error.</param>
internal sealed record NestedBacktestResult(
    int Offset, IReadOnlyList<NestedQuarter> Quarters, double? Mape, double? NaiveMape, IReadOnlyDictionary<string, (double? Mape, double? NaiveMape)> ByMotion)
{
    /// <summary>Which settings each quarter was forecast with, and their MAPE on the quarters before it.</summary>
    public string Choices => string.Join("; ", Quarters.Select(q =>
        string.Create(CultureInfo.InvariantCulture, $"{q.Quarter}: {q.Settings}{(q.InnerMape is { } m ? $" (inner MAPE {m * 100:0.0} %)" : " (no earlier quarter scored: default)")}")));
}

/// <summary>One back-tested quarter of a nested back-test.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Settings">The candidate chosen on the quarters before it.</param>
/// <param name="InnerMape">That candidate's MAPE on those quarters; null when none could be scored (the default is used).</param>
/// <param name="All">The total row.</param>
/// <param name="Motions">The per-motion rows.</param>
internal sealed record NestedQuarter(string Quarter, string Settings, double? InnerMape, ForecastRow All, IReadOnlyList<ForecastRow> Motions);
