using System.Text;
using Analytics.Reports.Delivery;
using MimeKit;
using Analytics.TestSupport.Mail;

namespace Analytics.Reports.Tests.Delivery;

public sealed class EmailComposerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_email_and_date_give_the_same_bytes()
    {
        var first = Bytes(DeliveryFixtures.WeeklyEmail("ana@example.com"), Monday);
        var second = Bytes(DeliveryFixtures.WeeklyEmail("ana@example.com"), Monday);

        Assert.Equal(first, second);
        Assert.NotEqual(first, Bytes(DeliveryFixtures.WeeklyEmail("ana@example.com") with { TextBody = "changed" }, Monday));
    }

    [Fact]
    public void The_date_is_the_given_one_and_the_message_id_derives_from_the_delivery_key()
    {
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com");

        using var message = EmailComposer.Compose(email, Monday);

        Assert.Equal(Monday, message.Date);
        Assert.Equal($"{EmailComposer.KeyHash(email.DeliveryKey)}@example.com", message.MessageId);
        using var other = EmailComposer.Compose(DeliveryFixtures.WeeklyEmail("chen@example.org"), Monday);
        Assert.NotEqual(message.MessageId, other.MessageId);
    }

    [Fact]
    public void Lines_end_in_crlf_and_the_subject_is_utf8_encoded_words()
    {
        var text = Encoding.ASCII.GetString(Bytes(DeliveryFixtures.WeeklyEmail("ana@example.com"), Monday));

        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.Contains("Subject: =?utf-8?", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_email_without_attachments_is_the_alternative_alone()
    {
        using var message = EmailComposer.Compose(DeliveryFixtures.WeeklyEmail("ana@example.com") with { Attachments = [] }, Monday);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.MediaType()));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("ana")]
    [InlineData("ana@example.com, bjorn.o@example.com")]
    [InlineData("")]
    public void A_malformed_recipient_is_a_permanent_failure_naming_it(string recipient)
    {
        var error = Assert.Throws<MailDeliveryException>(() => EmailComposer.Compose(DeliveryFixtures.WeeklyEmail(recipient), Monday));

        Assert.False(error.IsTransient);
        Assert.Contains($"'{recipient}' is not a valid email address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_recipient_is_a_permanent_failure() =>
        Assert.False(Assert.Throws<MailDeliveryException>(() => EmailComposer.Compose(DeliveryFixtures.WeeklyEmail("ana@example.com") with { To = [] }, Monday)).IsTransient);

    private static byte[] Bytes(OutgoingEmail email, DateTimeOffset date)
    {
        using var message = EmailComposer.Compose(email, date);
        using var bytes = new MemoryStream();
        message.WriteTo(EmailComposer.Format, bytes);
        return bytes.ToArray();
    }
}
