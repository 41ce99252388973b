using System.Text;
using Analytics.Pipelines.Resilience;
using Analytics.Reports.Delivery;
using MimeKit;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Mail;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Delivery;

public sealed class OutboxTransportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_email_becomes_one_eml_file_in_the_week_folder_and_the_ledger_points_to_it()
    {
        var outbox = _temp.Combine("outbox");
        var deliverer = new Deliverer(new OutboxTransport(outbox), DeliveryLedger.ForOutbox(outbox), RetryPolicy.Default, clock: new InstantWaitClock());

        var report = await deliverer.DeliverAsync(DeliveryFixtures.WeeklyEmails(), CancellationToken.None);

        var files = Directory.GetFiles(Path.Combine(outbox, DeliveryFixtures.Week)).Order().ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(Path.Combine(outbox, DeliveryFixtures.Week))); // no staging folder left
        Assert.Equal(files, report.Sent.Select(s => s.File).Order());
        Assert.Equal(files, DeliveryLedger.ForOutbox(outbox).Read().Select(r => r.File).Order());
        // The week's emails, the ledger, and the delivery locks (one file per week, kept: deleting a lock file races).
        Assert.Equal([".locks", "2026-W47", "deliveries.jsonl"], Directory.EnumerateFileSystemEntries(outbox).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_eml_file_parses_back_as_text_then_html_with_the_pdf_and_the_utf8_subject()
    {
        var transport = new OutboxTransport(_temp.Path);
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com");

        await transport.SendAsync(email, CancellationToken.None);

        var message = MimeMessages.Load(transport.FileFor(email));
        Assert.Equal(email.Subject, message.Subject);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Partner Analytics", "partner-analytics@example.com"), (from.Name, from.Address));
        Assert.Equal("ana@example.com", Assert.Single(message.To.Mailboxes).Address);
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.MediaType());
        var alternative = Assert.IsType<MultipartAlternative>(Assert.Single(mixed, p => p.MediaType() == "multipart/alternative"));
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.MediaType()));
        Assert.All(alternative, p => Assert.Equal("utf-8", p.ContentType.Charset));
        Assert.All(alternative, p => Assert.Equal(ContentEncoding.QuotedPrintable, ((TextPart)p).ContentTransferEncoding));
        Assert.Equal(email.TextBody, ((TextPart)alternative[0]).DecodedText());
        Assert.Equal(email.HtmlBody.ReplaceLineEndings("\r\n"), ((TextPart)alternative[1]).DecodedText()); // a message's lines end in CRLF
        var pdf = Assert.IsType<MimePart>(Assert.Single(mixed, p => p.MediaType() == "application/pdf"));
        Assert.Equal("scorecards-2026-W47.pdf", pdf.FileName);
        Assert.Equal(DeliveryFixtures.Pdf, pdf.DecodedBytes());
        Assert.Contains("Scorecard 2026-W47", PdfText(pdf.DecodedBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_an_email_again_replaces_its_file_whole()
    {
        var transport = new OutboxTransport(_temp.Path);
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com");
        await transport.SendAsync(email with { Subject = "first" }, CancellationToken.None);

        await transport.SendAsync(email with { Subject = "second" }, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_temp.Path, DeliveryFixtures.Week)));
        Assert.Equal("second", MimeMessages.Load(file).Subject);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task A_folder_that_is_not_one_folder_name_is_a_permanent_failure(string folder)
    {
        var transport = new OutboxTransport(_temp.Combine("outbox"));
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com") with { Folder = folder };

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(email, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.False(Directory.Exists(_temp.Combine("outbox")));
    }

    [Theory]
    [InlineData("weekly/2026-W47/ana@example.com", "weekly_2026-W47_ana@example.com.")]
    [InlineData("plain-key@example.com", "plain-key@example.com.eml")]
    public void File_names_keep_the_key_readable(string key, string expectedStart) =>
        Assert.StartsWith(expectedStart, OutboxTransport.FileName(key), StringComparison.Ordinal);

    [Fact]
    public void Keys_that_differ_only_in_unsafe_characters_get_different_files() =>
        Assert.NotEqual(OutboxTransport.FileName("weekly/2026-W47/a"), OutboxTransport.FileName("weekly_2026-W47_a"));

    private static string PdfText(byte[] pdf)
    {
        using var file = Analytics.TestSupport.Pdf.PdfFile.Open(pdf);
        return file.Text();
    }
}
