namespace Analytics.Reports.Charts;

/// <summary>How a table row is set apart; each style also differs in black and white.</summary>
public enum RowStyle
{
    /// <summary>An ordinary row.</summary>
    Normal,

    /// <summary>Bold with a rule above, e.g. a total.</summary>
    Emphasis,

    /// <summary>Needs attention, e.g. an overdue registration: bold, dark red, with a ▶ marker and a bar at the left edge.</summary>
    Warning,

    /// <summary>Of less interest, e.g. a closed item: grey text.</summary>
    Muted,
}
