namespace Analytics.Reports.Weekly.Email;

/// <summary>The weekly scorecard email's subject line, which counts the manager's actions for the week.</summary>
public static class WeeklySubject
{
    /// <summary>
    /// "Partner scorecard 2026-W47: 3 actions this week", "...: 1 action this week" or "...: no actions this week",
    /// counting <see cref="WeeklyScorecard.ActionCount"/>.
    /// </summary>
    /// <param name="card">The manager's scorecard.</param>
    public static string For(WeeklyScorecard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return $"Partner scorecard {card.Week}: {WeeklyEmailWording.ActionsThisWeek(card.ActionCount)}";
    }
}
