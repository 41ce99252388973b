using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Classifies what MailKit throws (RFC 5321 §4.2.1: a 4yz reply is a transient, a 5yz a permanent negative
/// completion): 4xx replies, refused or reset connections and broken conversations are transient; 5xx replies, a
/// refused login, a failed TLS handshake and a server lacking STARTTLS or AUTH are permanent.
/// </summary>
internal static class SmtpFailures
{
    /// <summary>The failure <paramref name="error"/> stands for, or null when it is not a delivery failure (a bug: let it fly).</summary>
    public static MailDeliveryException? Classify(Exception error, string where, SecretScrubber scrubber)
    {
        var reason = scrubber.Scrub(Describe(error));
        switch (error)
        {
            case SmtpCommandException command:
                return Replied((int)command.StatusCode, reason, where);
            case AuthenticationException when error.InnerException is SmtpCommandException refusal:
                return new MailDeliveryException($"{where}: {(int)refusal.StatusCode} {reason}", isTransient: false, (int)refusal.StatusCode);
            case AuthenticationException or SslHandshakeException:
                return new MailDeliveryException($"{where}: {reason}", isTransient: false);
            case NotSupportedException:
                // The server offers no STARTTLS or no AUTH mechanism we have credentials for: configuration, not weather.
                return new MailDeliveryException($"{where}: {reason}", isTransient: false);
            case SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException:
                return new MailDeliveryException($"{where}: {reason}", isTransient: true);
            default:
                return null;
        }
    }

    private static MailDeliveryException Replied(int code, string reason, string where) => code is >= 400 and < 600
        ? new MailDeliveryException($"{where}: {code} {reason}", isTransient: code < 500, code)
        : new MailDeliveryException($"{where}: {reason}", isTransient: true);

    private static string Describe(Exception error)
    {
        var parts = new List<string> { error.Message };
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            parts.Add(inner is SocketException socket ? $"{socket.SocketErrorCode}: {socket.Message}" : inner.Message);
        }

        return string.Join(" — ", parts.Distinct(StringComparer.Ordinal));
    }
}
