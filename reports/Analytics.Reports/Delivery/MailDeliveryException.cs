namespace Analytics.Reports.Delivery;

/// <summary>
/// A send that failed, classified: transient failures (4xx replies, refused or reset connections, timeouts) are worth
/// retrying; permanent ones (5xx replies, malformed addresses, an unwritable outbox) are not. The message never holds
/// a secret: transports scrub credentials before they throw.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, already free of secrets.</param>
    /// <param name="isTransient">True when a later attempt may succeed.</param>
    /// <param name="smtpStatusCode">The SMTP reply code behind the failure, when there was one.</param>
    public MailDeliveryException(string message, bool isTransient, int? smtpStatusCode = null)
        : base(message)
    {
        IsTransient = isTransient;
        SmtpStatusCode = smtpStatusCode;
    }

    /// <summary>True when a later attempt may succeed (the deliverer retries it with backoff).</summary>
    public bool IsTransient { get; }

    /// <summary>The SMTP reply code (e.g. 451, 550), or null when the failure had none.</summary>
    public int? SmtpStatusCode { get; }
}
