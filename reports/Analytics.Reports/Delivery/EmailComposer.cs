using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Analytics.Reports.Delivery;

/// <summary>
/// The one MIME builder both transports use (MimeKit): multipart/alternative (text/plain first, then text/html, both
/// UTF-8 quoted-printable), inside multipart/mixed with the attachments when there are any; a UTF-8 subject. The same
/// email and date give the same bytes: the boundaries derive from the content, the Message-ID from the delivery key.
/// </summary>
public static class EmailComposer
{
    // Strict RFC 5322 parsing: "not an address" or a bare local part is refused, not taken for a mailbox.
    private static readonly ParserOptions StrictAddresses = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>How messages are written, to a file or the wire: CRLF line ends (RFC 5322 §2.1), international off.</summary>
    internal static FormatOptions Format { get; } = CreateFormat();

    /// <summary>Builds the message for <paramref name="email"/>, dated <paramref name="date"/>; the caller disposes it.</summary>
    /// <exception cref="MailDeliveryException">An address is malformed or there is no recipient (a permanent failure).</exception>
    public static MimeMessage Compose(OutgoingEmail email, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(email);
        var from = Address(email, email.From, "sender");
        if (email.To.Count == 0)
        {
            throw new MailDeliveryException($"{email.DeliveryKey}: the email has no recipient.", isTransient: false);
        }

        var to = email.To.Select(recipient => Address(email, recipient, "recipient")).ToList();
        // A boundary is any text that cannot occur in the parts; "=_" never does in quoted-printable or base64.
        var boundary = "=_" + email.ContentSha256[..32];
        var alternative = new MultipartAlternative { Text(TextFormat.Plain, email.TextBody), Text(TextFormat.Html, email.HtmlBody) };
        alternative.Boundary = boundary + ".alternative";
        MimeEntity body = alternative;
        if (email.Attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { alternative };
            mixed.Boundary = boundary + ".mixed";
            foreach (var attachment in email.Attachments)
            {
                mixed.Add(Attachment(attachment));
            }

            body = mixed;
        }

        var message = new MimeMessage { Date = date, Body = body };
        message.From.Add(from);
        message.To.AddRange(to);
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, email.Subject);
        // A Message-ID derived from the delivery key lets a mail system recognise a re-sent copy of the same email.
        message.MessageId = $"{KeyHash(email.DeliveryKey)}@{from.Domain}";
        return message;
    }

    /// <summary>A short, file- and header-safe hash of a delivery key (16 lowercase hex digits).</summary>
    internal static string KeyHash(string deliveryKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryKey)))[..16];

    private static MailboxAddress Address(OutgoingEmail email, string address, string role)
    {
        if (!MailboxAddress.TryParse(StrictAddresses, address, out var mailbox) || string.IsNullOrEmpty(mailbox.Domain) || mailbox.Route.Count > 0)
        {
            throw new MailDeliveryException($"{email.DeliveryKey}: the {role} address '{address}' is not a valid email address.", isTransient: false);
        }

        mailbox.Encoding = Encoding.UTF8;
        return mailbox;
    }

    private static TextPart Text(TextFormat format, string body)
    {
        // Quoted-printable keeps the .eml readable; lines end in CRLF as in any message.
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, body);
        return part;
    }

    private static MimePart Attachment(EmailAttachment attachment) => new(ContentType.Parse(attachment.ContentType))
    {
        Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = attachment.FileName,
    };

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;
        return format;
    }
}
