using MimeKit;
using Analytics.TestSupport.Mail;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>One message the test SMTP server accepted: the envelope and the raw DATA (dot-unstuffed, CRLF lines).</summary>
public sealed record ReceivedSmtpMessage(string MailFrom, IReadOnlyList<string> RcptTo, string? AuthenticatedUser, bool OverTls, string Data)
{
    public MimeMessage Parse() => MimeMessages.Parse(Data);
}
