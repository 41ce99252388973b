using Analytics.Reports.Delivery;

namespace Analytics.Reports.Weekly;

/// <summary>What a weekly run did.</summary>
/// <param name="Week">The week.</param>
/// <param name="Managers">Partner managers with a card.</param>
/// <param name="AlreadySent">Of them, emails the ledger had already recorded as sent (not composed again).</param>
/// <param name="Delivery">The delivery of the rest.</param>
/// <param name="Actions">Actions counted across every card.</param>
public sealed record WeeklyOutcome(IsoWeek Week, int Managers, int AlreadySent, DeliveryReport Delivery, int Actions);
