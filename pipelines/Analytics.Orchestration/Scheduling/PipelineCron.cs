using Cronos;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// The cron expressions of <c>schedules:</c> as Hangfire reads them (Cronos): five fields, or six with seconds first;
/// <c>?</c>, <c>L</c>, <c>W</c> and <c>#</c> as in Quartz, so the Quartz-era expressions of pipeline.yaml keep working.
/// A numbered day of week is refused: Quartz numbered Sunday 1, Cronos numbers it 0, so the same number names
/// different days; names (MON-SUN) mean the same in both.
/// </summary>
public static class PipelineCron
{
    /// <summary>The expression parsed, or the reason it is refused.</summary>
    public static CronExpression Parse(string cron, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(cron);
        problem = null;
        var fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            problem = $"it has {fields.Length} field(s), not five (minutes hours day-of-month month day-of-week) or six (seconds first)";
            return null!;
        }

        var dayOfWeek = fields[^1];
        if (dayOfWeek.Any(char.IsDigit) && !dayOfWeek.Contains('#', StringComparison.Ordinal) && dayOfWeek != "*")
        {
            problem = $"day-of-week '{dayOfWeek}' is a number; write day names (MON-SUN), since Quartz numbered Sunday 1 and Hangfire numbers it 0";
            return null!;
        }

        try
        {
            return CronExpression.Parse(cron, fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            problem = e.Message.TrimEnd('.');
            return null!;
        }
    }

    /// <summary>The expression parsed; throws <see cref="FormatException"/> naming the problem.</summary>
    public static CronExpression Parse(string cron) =>
        Parse(cron, out var problem) is { } parsed && problem is null ? parsed : throw new FormatException($"'{cron}': {problem}");

    /// <summary>The next due time after <paramref name="after"/> in <paramref name="zone"/>, or null when there is none.</summary>
    public static DateTimeOffset? Next(string cron, TimeZoneInfo zone, DateTimeOffset after) =>
        Parse(cron).GetNextOccurrence(after, zone) is { } next ? next.ToUniversalTime() : null;

    /// <summary>The latest due time at or before <paramref name="at"/> in <paramref name="zone"/> (within two years), or null.</summary>
    public static DateTimeOffset? Latest(string cron, TimeZoneInfo zone, DateTimeOffset at)
    {
        var expression = Parse(cron);
        for (var window = TimeSpan.FromMinutes(2); window < TimeSpan.FromDays(800); window *= 2)
        {
            var occurrences = expression.GetOccurrences(at - window, at, zone, fromInclusive: true, toInclusive: true);
            DateTimeOffset? last = null;
            foreach (var occurrence in occurrences)
            {
                last = occurrence;
            }

            if (last is not null)
            {
                return last.Value.ToUniversalTime();
            }
        }

        return null;
    }
}
