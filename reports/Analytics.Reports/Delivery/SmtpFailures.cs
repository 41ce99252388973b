using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Classifies what System.Net.Mail throws: 4xx replies, refused/reset connections and timeouts are transient; 5xx
/// replies and TLS failures are permanent (RFC 5321 §4.2.1: 4yz is a transient, 5yz a permanent negative completion).
/// </summary>
internal static class SmtpFailures
{
    public static MailDeliveryException Classify(SmtpException error, string where, SecretScrubber scrubber)
    {
        var code = StatusOf(error);
        var reason = scrubber.Scrub(Describe(error));
        if (code is >= 400 and < 600)
        {
            return new MailDeliveryException($"{where}: {code} {reason}", isTransient: code < 500, code);
        }

        // GeneralFailure: the conversation broke off. A network fault may clear; a TLS handshake failure will not.
        var transient = !HasInner<AuthenticationException>(error);
        return new MailDeliveryException($"{where}: {reason}", transient);
    }

    private static int? StatusOf(SmtpException error)
    {
        if (error is SmtpFailedRecipientsException { InnerExceptions.Length: > 0 } many)
        {
            // Several refused recipients: transient only if every refusal was.
            var codes = many.InnerExceptions.Select(e => (int)e.StatusCode).ToList();
            return codes.All(c => c is >= 400 and < 500) ? codes.Max() : codes.Where(c => c >= 500).DefaultIfEmpty(codes.Max()).Max();
        }

        var status = (int)error.StatusCode;
        return status > 0 ? status : null;
    }

    private static string Describe(Exception error)
    {
        var parts = new List<string> { error.Message };
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            parts.Add(inner is SocketException socket ? $"{socket.SocketErrorCode}: {socket.Message}" : inner.Message);
        }

        return string.Join(" — ", parts.Distinct(StringComparer.Ordinal));
    }

    private static bool HasInner<T>(Exception error)
        where T : Exception
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T)
            {
                return true;
            }
        }

        return false;
    }
}
