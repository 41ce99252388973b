namespace Analytics.Reports.Delivery;

/// <summary>What one delivery run did with each email.</summary>
/// <param name="Transport">The transport's description.</param>
/// <param name="Sent">Emails sent in this run, in the order they went (a retried email after those sent first time).</param>
/// <param name="AlreadySent">Keys skipped because the ledger records them sent by an earlier run.</param>
/// <param name="Failed">Emails that could not be delivered, with the reason.</param>
public sealed record DeliveryReport(
    string Transport,
    IReadOnlyList<SentDelivery> Sent,
    IReadOnlyList<string> AlreadySent,
    IReadOnlyList<FailedDelivery> Failed)
{
    /// <summary>True when no email failed (each was sent now or before).</summary>
    public bool AllDelivered => Failed.Count == 0;
}
