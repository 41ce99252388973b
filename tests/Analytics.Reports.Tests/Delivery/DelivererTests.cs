using Analytics.Pipelines.Resilience;
using Analytics.Reports.Delivery;
using MimeKit;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Mail;

namespace Analytics.Reports.Tests.Delivery;

public sealed partial class DelivererTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly SmtpTestServer _server = new();
    private readonly InstantWaitClock _clock = new();
    private readonly List<string> _progress = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Every_email_arrives_exactly_once_and_each_outcome_is_in_the_ledger()
    {
        var report = await Deliverer().DeliverAsync(DeliveryFixtures.WeeklyEmails(), CancellationToken.None);

        Assert.True(report.AllDelivered);
        Assert.Equal(3, report.Sent.Count);
        Assert.All(report.Sent, s => Assert.Equal(1, s.Attempts));
        Assert.Equal(DeliveryFixtures.Managers.Order(), _server.Messages.SelectMany(m => m.RcptTo).Order());
        Assert.All(_server.Messages, m => Assert.Equal("partner-analytics@example.com", m.MailFrom));
        var records = Ledger().Read();
        Assert.Equal(DeliveryFixtures.WeeklyEmails().Select(e => e.DeliveryKey), records.Select(r => r.DeliveryKey));
        Assert.All(records, r => Assert.Equal((DeliveryStatus.Sent, 1, $"smtp 127.0.0.1:{_server.Port}"), (r.Status, r.Attempts, r.Transport)));
    }

    [Fact]
    public async Task A_message_received_over_smtp_is_text_then_html_with_the_pdf_and_a_utf8_subject()
    {
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com");

        await Deliverer().DeliverAsync([email], CancellationToken.None);

        var message = Assert.Single(_server.Messages).Parse();
        Assert.Equal(email.Subject, message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(Assert.Single(message.Descendants(), p => p.MediaType() == "multipart/alternative"));
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.MediaType()));
        Assert.Equal(email.TextBody, ((TextPart)alternative[0]).DecodedText());  // the leading '.' survived dot-stuffing
        Assert.Equal(email.HtmlBody.ReplaceLineEndings("\r\n"), ((TextPart)alternative[1]).DecodedText()); // a message's lines end in CRLF
        var pdf = Assert.IsType<MimePart>(Assert.Single(message.Descendants(), p => p.MediaType() == "application/pdf"));
        Assert.Equal(DeliveryFixtures.Pdf, pdf.DecodedBytes());
    }

    [Fact]
    public async Task Refused_transactions_are_retried_after_growing_delays_until_they_succeed()
    {
        // Round 1: all three get 451; round 2: the first gets the 4th refusal, the others go; round 3: the first goes.
        _server.RefuseTransactions = 4;

        var report = await Deliverer().DeliverAsync(DeliveryFixtures.WeeklyEmails(), CancellationToken.None);

        Assert.True(report.AllDelivered);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _clock.Waits);
        Assert.Equal(["retrying 3 email(s) in 2 s (attempt 2 of 4)", "retrying 1 email(s) in 4 s (attempt 3 of 4)"],
            _progress.Where(p => p.StartsWith("retrying", StringComparison.Ordinal)));
        Assert.Equal([3, 2, 2], report.Sent.OrderBy(s => s.DeliveryKey).Select(s => s.Attempts));
        Assert.Equal(3, _server.Messages.Count);
        Assert.Equal(3, _server.Messages.Select(m => m.RcptTo.Single()).Distinct().Count());
        Assert.Equal([3, 2, 2], Ledger().Read().OrderBy(r => r.DeliveryKey).Select(r => r.Attempts));
        Assert.Contains(_progress, p => p.Contains("will retry", StringComparison.Ordinal) && p.Contains("451", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_refused_with_421_is_retried()
    {
        _server.RefuseConnections = 1;

        var report = await Deliverer().DeliverAsync(DeliveryFixtures.WeeklyEmails("ana@example.com"), CancellationToken.None);

        Assert.Equal(2, Assert.Single(report.Sent).Attempts);
        Assert.Equal([TimeSpan.FromSeconds(2)], _clock.Waits);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task Transient_failures_that_outlast_the_attempts_are_reported_failed_and_retried_by_the_next_run()
    {
        _server.RefuseTransactions = 100;
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        var report = await Deliverer(policy).DeliverAsync(DeliveryFixtures.WeeklyEmails("ana@example.com"), CancellationToken.None);

        var failed = Assert.Single(report.Failed);
        Assert.Equal((3, true), (failed.Attempts, failed.IsTransient));
        Assert.Contains("451", failed.Error, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], _clock.Waits);
        Assert.False(Ledger().WasSent(failed.DeliveryKey));

        _server.RefuseTransactions = 0;
        var rerun = await Deliverer().DeliverAsync(DeliveryFixtures.WeeklyEmails("ana@example.com"), CancellationToken.None);
        Assert.Single(rerun.Sent);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_week_sends_nothing()
    {
        var emails = DeliveryFixtures.WeeklyEmails();
        await Deliverer().DeliverAsync(emails, CancellationToken.None);
        var connections = _server.ConnectionCount;

        // A new run: a fresh deliverer and ledger object over the same file, and the emails built again.
        var rerun = await Deliverer().DeliverAsync(DeliveryFixtures.WeeklyEmails(), CancellationToken.None);

        Assert.Empty(rerun.Sent);
        Assert.Equal(emails.Select(e => e.DeliveryKey), rerun.AlreadySent);
        Assert.True(rerun.AllDelivered);
        Assert.Equal(3, _server.Messages.Count);
        Assert.Equal(connections, _server.ConnectionCount);
        Assert.Equal(3, Ledger().Read().Count);
    }

    [Fact]
    public async Task A_permanently_refused_recipient_is_reported_and_does_not_block_the_others()
    {
        _server.RejectedRecipients.Add("bjorn.o@example.com");

        var report = await Deliverer().DeliverAsync(DeliveryFixtures.WeeklyEmails(), CancellationToken.None);

        Assert.False(report.AllDelivered);
        Assert.Equal(["ana@example.com", "chen@example.org"], report.Sent.Select(s => s.Recipients.Single()));
        var failed = Assert.Single(report.Failed);
        Assert.Equal(("bjorn.o@example.com", 1, false), (failed.Recipient, failed.Attempts, failed.IsTransient));
        Assert.Contains("550", failed.Error, StringComparison.Ordinal);
        Assert.Empty(_clock.Waits);
        Assert.Equal(["ana@example.com", "chen@example.org"], _server.Messages.Select(m => m.RcptTo.Single()));
        var record = Assert.Single(Ledger().Read(), r => r.Status == DeliveryStatus.Failed);
        Assert.Equal(failed.Error, record.Error);
    }

    [Fact]
    public async Task A_malformed_address_fails_that_email_only()
    {
        var emails = DeliveryFixtures.WeeklyEmails("not an address", "ana@example.com");

        var report = await Deliverer().DeliverAsync(emails, CancellationToken.None);

        Assert.Contains("not a valid email address", Assert.Single(report.Failed).Error, StringComparison.Ordinal);
        Assert.Equal("ana@example.com", Assert.Single(_server.Messages).RcptTo.Single());
    }

    [Fact]
    public async Task Two_emails_with_one_key_are_refused_before_anything_is_sent()
    {
        var email = DeliveryFixtures.WeeklyEmail("ana@example.com");

        await Assert.ThrowsAsync<ArgumentException>(() => Deliverer().DeliverAsync([email, email with { Subject = "again" }], CancellationToken.None));

        Assert.Empty(_server.Messages);
        Assert.False(File.Exists(Ledger().Path));
    }

    private DeliveryLedger Ledger() => DeliveryLedger.ForOutbox(_temp.Path);

    private Deliverer Deliverer(RetryPolicy? policy = null) => new(
        new SmtpTransport(new SmtpOptions("127.0.0.1", _server.Port, false, null, null, 10), _ => null),
        Ledger(),
        policy ?? RetryPolicy.Default,
        new SynchronousProgress(_progress),
        _clock);
}
