namespace Analytics.Reports.Delivery;

/// <summary>An email that could not be delivered in this run; a later run tries it again.</summary>
/// <param name="DeliveryKey">Its key.</param>
/// <param name="Recipient">Its recipients, comma-separated.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">The last failure's message (no secrets).</param>
/// <param name="IsTransient">True when the last failure was transient (the attempts ran out), false when permanent.</param>
public sealed record FailedDelivery(string DeliveryKey, string Recipient, int Attempts, string Error, bool IsTransient);
