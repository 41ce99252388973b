namespace Analytics.Models.Forecasting;

/// <summary>
/// A fiscal quarter as the warehouse's macros define it (pipelines/transforms/macros/fiscal_quarter*.sql): named after
/// the calendar year in which its fiscal year ends, <see cref="End"/> exclusive.
/// </summary>
internal readonly record struct FiscalQuarter(string Name, DateOnly Start, DateOnly End)
{
    /// <summary>The quarter <paramref name="date"/> falls in, with the fiscal year starting in <paramref name="startMonth"/>.</summary>
    public static FiscalQuarter Of(DateOnly date, int startMonth)
    {
        var monthsIn = (date.Month - startMonth + 12) % 3;
        var start = new DateOnly(date.Year, date.Month, 1).AddMonths(-monthsIn);
        var year = start.Year + (startMonth > 1 && start.Month >= startMonth ? 1 : 0);
        var number = (start.Month - startMonth + 12) % 12 / 3 + 1;
        return new FiscalQuarter($"{year}-Q{number}", start, start.AddMonths(3));
    }

    /// <summary>The quarter <paramref name="count"/> quarters before this one.</summary>
    public FiscalQuarter Before(int count, int startMonth) => Of(Start.AddMonths(-3 * count), startMonth);

    /// <summary>Days into the quarter of <paramref name="date"/> (0 on its first day).</summary>
    public int DayOffset(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Days left in the quarter after the day <paramref name="date"/> (0 on its last day).</summary>
    public int DaysLeftAfter(DateOnly date) => End.DayNumber - date.DayNumber - 1;
}
