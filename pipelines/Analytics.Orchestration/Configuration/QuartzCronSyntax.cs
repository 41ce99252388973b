using System.Globalization;

namespace Analytics.Orchestration.Configuration;

/// <summary>
/// Checks a Quartz cron expression field by field when pipeline.yaml is loaded, so a minute of 99 is refused with the
/// file and line at once, not found by the scheduler later (or never, by commands that do not schedule). The syntax is
/// Quartz's (https://www.quartz-scheduler.net/documentation/quartz-3.x/tutorial/crontriggers.html): six or seven
/// fields, seconds first; lists, ranges, <c>*</c>, <c>/</c> increments, month and weekday names, <c>?</c> in
/// day-of-month or day-of-week, <c>L</c>, <c>W</c> and <c>#</c>. Quartz 4.7 itself accepts a minute of 99; how
/// day-of-month and day-of-week combine is left to Quartz.
/// </summary>
public static class QuartzCronSyntax
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Field[] Fields =
    [
        new("seconds", 0, 59, null),
        new("minutes", 0, 59, null),
        new("hours", 0, 23, null),
        new("day-of-month", 1, 31, null),
        new("month", 1, 12, MonthNames),
        new("day-of-week", 1, 7, DayNames),
        new("year", 1970, 2199, null),
    ];

    /// <summary>What is wrong with <paramref name="cron"/>, naming the field and its allowed range; null when it is valid.</summary>
    public static string? Problem(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var parts = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 6 or > 7)
        {
            return $"it has {parts.Length} field(s), not six or seven";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (CheckField(Fields[i], parts[i].ToUpperInvariant(), i) is { } problem)
            {
                return $"{Fields[i].Name} '{parts[i]}': {problem}";
            }
        }

        return null;
    }

    private static string? CheckField(Field field, string text, int index)
    {
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                return "an empty list item";
            }

            if (item == "?")
            {
                if (index is not (3 or 5))
                {
                    return "? is allowed only in day-of-month and day-of-week";
                }

                if (text != "?")
                {
                    return "? stands alone";
                }

                continue;
            }

            if (CheckSpecial(field, item, index) is { } special)
            {
                if (special.Length > 0)
                {
                    return special;
                }

                continue;
            }

            if (CheckItem(field, item) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>L, W and # (day-of-month, day-of-week): "" when valid, a problem, or null when the item is not one.</summary>
    private static string? CheckSpecial(Field field, string item, int index)
    {
        if (index == 3)
        {
            if (item is "L" or "LW")
            {
                return string.Empty;
            }

            if (item.StartsWith("L-", StringComparison.Ordinal))
            {
                return Number(item[2..], 0, 30, "the offset from the last day") ?? string.Empty;
            }

            if (item.EndsWith('W'))
            {
                return Number(item[..^1], field.Min, field.Max, "the day before W") ?? string.Empty;
            }
        }

        if (index == 5)
        {
            if (item == "L")
            {
                return string.Empty;
            }

            if (item.Length > 1 && item.EndsWith('L'))
            {
                return Value(field, item[..^1]).Problem ?? string.Empty;
            }

            if (item.Split('#') is [var day, var nth])
            {
                return Value(field, day).Problem ?? Number(nth, 1, 5, "the week of the month after #") ?? string.Empty;
            }
        }

        return null;
    }

    private static string? CheckItem(Field field, string item)
    {
        var slash = item.Split('/');
        if (slash.Length > 2)
        {
            return "more than one /";
        }

        if (slash.Length == 2 && Number(slash[1], 1, field.Max, "the increment after /") is { } step)
        {
            return step;
        }

        var range = slash[0];
        if (range == "*")
        {
            return null;
        }

        var ends = range.Split('-');
        if (ends.Length > 2)
        {
            return "more than one -";
        }

        foreach (var end in ends)
        {
            if (Value(field, end).Problem is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static (int Value, string? Problem) Value(Field field, string text)
    {
        if (field.Names is { } names && Array.IndexOf(names, text) is var named and >= 0)
        {
            return (field.Min + named, null);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            var allowed = field.Names is null ? string.Empty : $" or {field.Names[0]}-{field.Names[^1]}";
            return (0, $"'{text}' is not a number from {field.Min} to {field.Max}{allowed}");
        }

        return value < field.Min || value > field.Max
            ? (value, $"must be from {field.Min} to {field.Max}, not {value}")
            : (value, null);
    }

    private static string? Number(string text, int min, int max, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? null
            : $"{what} must be a whole number from {min} to {max}, not '{text}'";

    private sealed record Field(string Name, int Min, int Max, string[]? Names);
}
