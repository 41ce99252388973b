namespace Analytics.Models.Forecasting;

/// <summary>The back-test's rows and its error over the quarters it could score.</summary>
/// <param name="Rows">Per back-tested quarter, one row per motion and the "all" row, newest quarter first.</param>
/// <param name="QuartersScored">The quarters whose "all" row counts in the MAPEs, newest first.</param>
/// <param name="Mape">Mean absolute percentage error of the forecast over those quarters; null when none.</param>
/// <param name="NaiveMape">The same for the naive baseline (the previous quarter's actual).</param>
/// <param name="ConversionOnlyMape">The same for the forecast without the new-pipeline allowance.</param>
internal sealed record BacktestResult(IReadOnlyList<ForecastRow> Rows, IReadOnlyList<string> QuartersScored, double? Mape, double? NaiveMape, double? ConversionOnlyMape);

/// <summary>
/// Replays the forecast on past quarters: for each of the previous N quarters, the forecast snapshot is the latest
/// landed snapshot at or before the same day-offset into that quarter as the current snapshot is into the current one
/// (the earliest snapshot of the quarter when none is that early); the method is re-fitted from the observations whose
/// outcome was known by that snapshot only; the actual is the quarter's sourced ARR (marts.partner_arr_quarterly) and
/// the naive baseline the quarter before's.
/// </summary>
internal static class ForecastBacktest
{
    /// <summary>Back-tests the <paramref name="quarters"/> quarters before the history's snapshot quarter.</summary>
    public static BacktestResult Run(ForecastHistory history, ForecastSettings settings, int quarters) =>
        Run(history, settings, quarters, FiscalQuarter.Of(history.SnapshotDate, history.StartMonth).DayOffset(history.SnapshotDate));

    /// <summary>The same at another day-offset into the quarters (to study the method at other points of a quarter).</summary>
    public static BacktestResult Run(ForecastHistory history, ForecastSettings settings, int quarters, int offset)
    {
        var current = FiscalQuarter.Of(history.SnapshotDate, history.StartMonth);
        var rows = new List<ForecastRow>();
        var scored = new List<ForecastRow>();
        for (var k = 1; k <= quarters; k++)
        {
            var quarter = current.Before(k, history.StartMonth);
            var naiveQuarter = quarter.Before(1, history.StartMonth).Name;
            var quarterRows = Forecast(history, settings, quarter, offset);
            var motions = quarterRows.Select(r => r.Motion)
                .Union(history.Actuals.Keys.Where(a => a.Quarter == quarter.Name).Select(a => a.Motion))
                .Where(m => m != ForecastRow.AllMotions).Distinct().Order(StringComparer.Ordinal).Append(ForecastRow.AllMotions);
            foreach (var motion in motions)
            {
                var row = quarterRows.FirstOrDefault(r => r.Motion == motion) ?? Empty(quarterRows[^1], motion);
                row = row with { ActualArr = history.Actual(quarter.Name, motion), NaiveArr = history.Actual(naiveQuarter, motion) };
                rows.Add(row);
                if (motion == ForecastRow.AllMotions && row.TrainingObservations > 0 && row.AbsPctError is not null && row.NaiveAbsPctError is not null)
                {
                    scored.Add(row);
                }
            }
        }

        return new BacktestResult(rows, scored.Select(r => r.FiscalQuarter).ToList(),
            Mean(scored.Select(r => r.AbsPctError)), Mean(scored.Select(r => r.NaiveAbsPctError)),
            Mean(scored.Select(r => ForecastRow.PctError(r.ConversionOnlyArr, r.ActualArr))));
    }

    /// <summary>
    /// The forecast snapshot of <paramref name="quarter"/> for a day-offset: the latest landed snapshot in
    /// [quarter start, start + offset], else the earliest in the quarter, else null.
    /// </summary>
    public static DateOnly? SnapshotFor(IReadOnlyList<ForecastSnapshot> snapshots, FiscalQuarter quarter, int offset)
    {
        var target = quarter.Start.AddDays(offset);
        var inQuarter = snapshots.Select(s => s.SnapshotDate).Where(d => d >= quarter.Start && d < quarter.End).ToList();
        var atOrBefore = inQuarter.Where(d => d <= target).ToList();
        return atOrBefore.Count > 0 ? atOrBefore.Max() : inQuarter.Count > 0 ? inQuarter.Min() : null;
    }

    internal static IReadOnlyList<ForecastRow> Forecast(ForecastHistory history, ForecastSettings settings, FiscalQuarter quarter, int offset)
    {
        var snapshot = SnapshotFor(history.Snapshots, quarter, offset);
        if (snapshot is not { } date)
        {
            return [new ForecastRow(quarter.Name, ForecastRow.AllMotions, ForecastRow.BacktestKind, null, null, null, 0, 0, 0, 0, 0, 0, null, null, null,
                $"no landed snapshot in {quarter.Name}: not forecast, excluded from the MAPE")];
        }

        var cells = history.Cells(date);
        var parameters = ConversionFit.Fit(cells, history.Snapshots, history.Matured, date, settings);
        var observations = cells.Sum(c => c.Observations);
        var rows = ForecastProjection.Project(parameters, history.Pipeline(date), quarter.Name, ForecastRow.BacktestKind, date,
            quarter.DaysLeftAfter(date), observations);
        var note = observations == 0
            ? $"no snapshot's outcome was known by {date:yyyy-MM-dd}: no conversion history, excluded from the MAPE"
            : $"rates from {parameters.QuartersObserved.Count} quarter(s) with known outcomes ({string.Join(", ", parameters.QuartersObserved)}); new-pipeline allowance from {string.Join(", ", parameters.NewPipelineQuarters)}";
        return rows.Select(r => r with { Note = note }).ToList();
    }

    private static ForecastRow Empty(ForecastRow all, string motion) =>
        all with
        {
            Motion = motion, OpenDeals = 0, WonToDateArr = 0, OpenPipelineArr = 0, ExpectedFromOpenArr = 0, ExpectedFromNewArr = 0,
            ForecastArr = all.ForecastArr is null ? null : 0,
        };

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count > 0 ? list.Average() : null;
    }
}
