namespace Analytics.Reports.Delivery;

/// <summary>Where emails go: an SMTP server (<see cref="SmtpTransport"/>) or <c>.eml</c> files (<see cref="OutboxTransport"/>).</summary>
public interface IMailTransport
{
    /// <summary>A one-line description for logs and the ledger (host and port, or folder); never a secret.</summary>
    string Describe();

    /// <summary>Sends <paramref name="email"/> once (retries are the deliverer's business).</summary>
    /// <exception cref="MailDeliveryException">The send failed; <see cref="MailDeliveryException.IsTransient"/> says whether to retry.</exception>
    /// <exception cref="DeliveryConfigurationException">The transport is misconfigured; no send can succeed.</exception>
    Task SendAsync(OutgoingEmail email, CancellationToken ct);

    /// <summary>The file this transport writes <paramref name="email"/> to, or null when it sends it elsewhere.</summary>
    string? FileFor(OutgoingEmail email) => null;
}
