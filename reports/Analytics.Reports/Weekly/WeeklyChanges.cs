namespace Analytics.Reports.Weekly;

/// <summary>
/// What changed on the manager's partners' deals since the previous week's snapshot (marts.weekly_deal_changes): new,
/// won, lost and slipped deals, each deal counted once per manager however many of the manager's partners are on it.
/// </summary>
/// <param name="PreviousSnapshot">The snapshot compared with (the newest at least 7 days older); null when the lake has none.</param>
/// <param name="Counts">Per change, deals and their ARR, in the order new, won, lost, slipped (every change present, 0 when none).</param>
/// <param name="Deals">Every changed deal, by change (new, won, lost, slipped) then largest ARR first.</param>
public sealed record WeeklyChanges(DateOnly? PreviousSnapshot, IReadOnlyList<ChangeCount> Counts, IReadOnlyList<DealChangeItem> Deals)
{
    /// <summary>The changes in the order the email shows them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["new", "won", "lost", "slipped"];

    /// <summary>No snapshot a week back: nothing to compare.</summary>
    public static WeeklyChanges None { get; } = new(null, [.. Kinds.Select(k => new ChangeCount(k, 0, 0))], []);
}

/// <summary>How many deals changed one way, with their ARR (summed in SQL).</summary>
/// <param name="Change">new, won, lost or slipped.</param>
/// <param name="Deals">Distinct deals.</param>
/// <param name="Arr">Their full ARR at the snapshot.</param>
public sealed record ChangeCount(string Change, int Deals, double Arr);

/// <summary>One changed deal of the manager's partners.</summary>
/// <param name="OpportunityId">The deal's record id as landed.</param>
/// <param name="OpportunityName">Its name.</param>
/// <param name="Change">new, won, lost or slipped.</param>
/// <param name="PartnerNames">The manager's partners on it, by name, comma-separated.</param>
/// <param name="Stage">The stage at the snapshot.</param>
/// <param name="Arr">The full ARR at the snapshot.</param>
/// <param name="CloseDate">The close date at the snapshot.</param>
/// <param name="PreviousCloseDate">The close date a week before (slipped deals; null for new ones).</param>
public sealed record DealChangeItem(
    string OpportunityId,
    string OpportunityName,
    string Change,
    string PartnerNames,
    string Stage,
    double Arr,
    DateOnly CloseDate,
    DateOnly? PreviousCloseDate);
