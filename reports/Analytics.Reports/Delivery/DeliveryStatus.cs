namespace Analytics.Reports.Delivery;

/// <summary>The outcome of delivering one email in one run (written <c>sent</c> / <c>failed</c> in the ledger).</summary>
public enum DeliveryStatus
{
    /// <summary>The transport accepted the email; its key is never sent again.</summary>
    Sent,

    /// <summary>Every attempt failed (or the failure was permanent); a later run tries again.</summary>
    Failed,
}
