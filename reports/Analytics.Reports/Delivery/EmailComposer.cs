using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Reports.Delivery;

/// <summary>
/// The one MIME builder both transports use: multipart/mixed holding multipart/alternative (text/plain first, then
/// text/html, both UTF-8 quoted-printable) and the attachments; UTF-8 subject and headers.
/// </summary>
public static class EmailComposer
{
    /// <summary>Builds the message for <paramref name="email"/>; the caller disposes it.</summary>
    /// <exception cref="MailDeliveryException">An address is malformed or there is no recipient (a permanent failure).</exception>
    public static MailMessage Compose(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MailMessage();
        try
        {
            message.From = Address(email, email.From, "sender");
            if (email.To.Count == 0)
            {
                throw new MailDeliveryException($"{email.DeliveryKey}: the email has no recipient.", isTransient: false);
            }

            foreach (var recipient in email.To)
            {
                message.To.Add(Address(email, recipient, "recipient"));
            }

            message.Subject = email.Subject;
            message.SubjectEncoding = Encoding.UTF8;
            message.HeadersEncoding = Encoding.UTF8;
            message.BodyEncoding = Encoding.UTF8;
            // A Message-ID derived from the delivery key lets a mail system recognise a re-sent copy of the same email.
            message.Headers.Add("Message-ID", $"<{KeyHash(email.DeliveryKey)}@{message.From.Host}>");
            message.AlternateViews.Add(View(email.TextBody, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(View(email.HtmlBody, MediaTypeNames.Text.Html));
            foreach (var attachment in email.Attachments)
            {
                message.Attachments.Add(Attachment(attachment));
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>A short, file- and header-safe hash of a delivery key (16 lowercase hex digits).</summary>
    internal static string KeyHash(string deliveryKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryKey)))[..16];

    private static MailAddress Address(OutgoingEmail email, string address, string role)
    {
        try
        {
            return new MailAddress(address);
        }
        catch (FormatException)
        {
            throw new MailDeliveryException($"{email.DeliveryKey}: the {role} address '{address}' is not a valid email address.", isTransient: false);
        }
    }

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);
        // Quoted-printable keeps the .eml readable; .NET would choose base64 for UTF-8.
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }

    private static Attachment Attachment(EmailAttachment attachment)
    {
        var contentType = new ContentType(attachment.ContentType) { Name = attachment.FileName };
        var part = new Attachment(new MemoryStream(attachment.Content, writable: false), contentType)
        {
            TransferEncoding = TransferEncoding.Base64,
        };
        part.ContentDisposition!.FileName = attachment.FileName;
        part.NameEncoding = Encoding.UTF8;
        return part;
    }
}
