using System.Text;
using Analytics.Pipelines.Resilience;
using Analytics.Reports.Delivery;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Files;

namespace Analytics.Reports.Tests.Delivery;

public sealed class SmtpTransportTests : IAsyncLifetime
{
    private const string Username = "reports-bot";
    private const string Password = "s3cr3t-Pässwörd!42";
    private readonly TempDirectory _temp = new();
    private readonly SmtpTestServer _server = new();
    private readonly List<string> _progress = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Credentials_come_from_the_named_environment_variables()
    {
        _server.RequiredLogin = (Username, Password);
        var environment = new Dictionary<string, string> { ["SMTP_USERNAME"] = Username, ["SMTP_PASSWORD"] = Password };

        var report = await Deliver(Transport(environment));

        Assert.True(report.AllDelivered);
        Assert.Equal(Username, Assert.Single(_server.Messages).AuthenticatedUser);
        Assert.DoesNotContain(Password, File.ReadAllText(Ledger().Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_password_never_reaches_the_report_the_ledger_or_the_progress_even_when_the_server_echoes_it()
    {
        const string wrong = "wr0ng-but-st1ll-s3cret";
        _server.RequiredLogin = (Username, Password);
        _server.EchoCredentialsOnAuthFailure = true;
        var environment = new Dictionary<string, string> { ["SMTP_USERNAME"] = Username, ["SMTP_PASSWORD"] = wrong };

        var report = await Deliver(Transport(environment));

        var failed = Assert.Single(report.Failed);
        Assert.Contains("535", failed.Error, StringComparison.Ordinal); // MailKit stops at the refused AUTH
        Assert.False(failed.IsTransient);
        // The server did receive and echo the secret, so only scrubbing keeps it out of what we wrote.
        Assert.Contains(_server.Commands, c => c.Contains(Base64(wrong), StringComparison.Ordinal));
        var written = string.Join("\n", [failed.Error, File.ReadAllText(Ledger().Path), .. _progress]);
        Assert.Contains("***", written, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, written, StringComparison.Ordinal);
        Assert.DoesNotContain(Base64(wrong), written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_transport_exception_itself_carries_no_secret()
    {
        const string wrong = "an0ther-s3cret";
        _server.RequiredLogin = (Username, Password);
        _server.EchoCredentialsOnAuthFailure = true;
        var transport = Transport(new Dictionary<string, string> { ["SMTP_USERNAME"] = Username, ["SMTP_PASSWORD"] = wrong });

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => transport.SendAsync(DeliveryFixtures.WeeklyEmail("ana@example.com"), CancellationToken.None));

        Assert.Equal(535, error.SmtpStatusCode);
        Assert.False(error.IsTransient);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Base64(wrong), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unset_credential_variable_is_a_configuration_error_naming_the_variable_and_nothing_is_sent()
    {
        var transport = Transport(new Dictionary<string, string> { ["SMTP_USERNAME"] = Username });

        var error = await Assert.ThrowsAsync<DeliveryConfigurationException>(() => Deliver(transport));

        Assert.Contains("SMTP_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.ConnectionCount);
        Assert.False(File.Exists(Ledger().Path));
    }

    [Fact]
    public void Describe_names_the_server_and_the_user_variable_but_no_value()
    {
        var transport = new SmtpTransport(new SmtpOptions("mail.example.com", 587, true, "SMTP_USERNAME", "SMTP_PASSWORD", 30), _ => Password);

        Assert.Equal("smtp mail.example.com:587 starttls auth $SMTP_USERNAME", transport.Describe());
    }

    [Fact]
    public async Task A_closed_port_is_a_transient_failure()
    {
        var port = _server.Port;
        await _server.DisposeAsync();
        var transport = new SmtpTransport(new SmtpOptions("127.0.0.1", port, false, null, null, 10), _ => null);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => transport.SendAsync(DeliveryFixtures.WeeklyEmail("ana@example.com"), CancellationToken.None));

        Assert.True(error.IsTransient, error.Message);
        Assert.Null(error.SmtpStatusCode);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_within_the_timeout_is_a_transient_failure()
    {
        _server.Silent = true;
        var transport = new SmtpTransport(new SmtpOptions("127.0.0.1", _server.Port, false, null, null, 1), _ => null);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => transport.SendAsync(DeliveryFixtures.WeeklyEmail("ana@example.com"), CancellationToken.None));

        Assert.True(error.IsTransient, error.Message);
        Assert.Contains("within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Messages);
    }

    [Theory]
    [InlineData("", 25, 30)]
    [InlineData("mail", 0, 30)]
    [InlineData("mail", 25, 0)]
    public void Options_out_of_range_are_refused(string host, int port, int timeout) =>
        Assert.ThrowsAny<ArgumentException>(() => new SmtpOptions(host, port, false, null, null, timeout));

    [Fact]
    public void A_user_name_variable_without_a_password_variable_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SmtpOptions("mail", 25, false, "SMTP_USERNAME", null, 30));

    private SmtpTransport Transport(Dictionary<string, string> environment) =>
        new(new SmtpOptions("127.0.0.1", _server.Port, false, "SMTP_USERNAME", "SMTP_PASSWORD", 10), name => environment.GetValueOrDefault(name));

    private Task<DeliveryReport> Deliver(SmtpTransport transport) =>
        new Deliverer(transport, Ledger(), RetryPolicy.Default, new SynchronousProgress(_progress), new InstantWaitClock())
            .DeliverAsync(DeliveryFixtures.WeeklyEmails("ana@example.com"), CancellationToken.None);

    private DeliveryLedger Ledger() => DeliveryLedger.ForOutbox(_temp.Path);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
