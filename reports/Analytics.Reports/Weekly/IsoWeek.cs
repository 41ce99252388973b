using System.Globalization;

namespace Analytics.Reports.Weekly;

/// <summary>An ISO 8601 week (Monday to Sunday), written <c>2026-W47</c>: the week a scorecard email covers.</summary>
/// <param name="Year">The ISO week-numbering year.</param>
/// <param name="Week">1-53.</param>
public readonly record struct IsoWeek(int Year, int Week)
{
    /// <summary>The week's Monday.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The week's Sunday.</summary>
    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The week that contains <paramref name="day"/>.</summary>
    public static IsoWeek Containing(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>Parses <c>YYYY-Www</c> (e.g. <c>2026-W47</c>); false when the text is not a week that exists.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is null || text.Length is < 7 or > 8 || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || year > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
