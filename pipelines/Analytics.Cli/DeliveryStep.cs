using Analytics.Pipelines.Configuration;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// The end of <c>analytics run</c>: the QBR packs when a quarter has closed since the last ones, and the weekly emails
/// once the week reaches delivery.weekly_day (the ledger then makes every later run that week send nothing).
/// </summary>
internal static class DeliveryStep
{
    /// <summary>Runs what is due on <paramref name="day"/>; returns the exit code.</summary>
    public static int Run(CommandContext context, PipelineConfig config, DateOnly day)
    {
        var code = QbrReport.Run(context, config, quarter: null, unlessDone: true);
        if (code == ExitCodes.Success && WeeklyDue(day, config.Delivery.WeeklyDay))
        {
            code = WeeklyReport.RunAsync(context, config, null, CancellationToken.None).GetAwaiter().GetResult();
        }
        else if (code == ExitCodes.Success)
        {
            context.Console.MarkupLineInterpolated($"[blue]email[/]: weekly scorecards are due from {config.Delivery.WeeklyDay} of each week");
        }

        return code;
    }

    /// <summary>Whether the week's emails are due: <paramref name="day"/> is on or after <paramref name="weeklyDay"/> in its ISO week (Monday first).</summary>
    public static bool WeeklyDue(DateOnly day, DayOfWeek weeklyDay) => IsoIndex(day.DayOfWeek) >= IsoIndex(weeklyDay);

    private static int IsoIndex(DayOfWeek d) => ((int)d + 6) % 7;
}
