namespace Analytics.Reports.Delivery;

/// <summary>An email the transport accepted in this run.</summary>
/// <param name="DeliveryKey">Its key.</param>
/// <param name="Recipients">Its recipients.</param>
/// <param name="Attempts">Attempts it took (1 when the first succeeded).</param>
/// <param name="File">The <c>.eml</c> written by the outbox transport, or null.</param>
public sealed record SentDelivery(string DeliveryKey, IReadOnlyList<string> Recipients, int Attempts, string? File);
