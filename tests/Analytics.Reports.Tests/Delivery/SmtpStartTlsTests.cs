using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Analytics.Reports.Delivery;
using Analytics.TestSupport.Files;

namespace Analytics.Reports.Tests.Delivery;

public sealed class SmtpStartTlsTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly SmtpTestServer _server = new();
    private readonly X509Certificate2 _certificate = SelfSigned();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task StartTls_upgrades_the_connection_before_the_credentials_are_sent()
    {
        _server.Certificate = _certificate;
        _server.RequiredLogin = ("reports-bot", "tls-only-s3cret");
        var environment = new Dictionary<string, string> { ["SMTP_USERNAME"] = "reports-bot", ["SMTP_PASSWORD"] = "tls-only-s3cret" };
        var transport = new SmtpTransport(
            new SmtpOptions("127.0.0.1", _server.Port, StartTls: true, "SMTP_USERNAME", "SMTP_PASSWORD", 10), n => environment.GetValueOrDefault(n))
        {
            CertificateValidation = TrustOnly(_certificate),
        };

        await transport.SendAsync(DeliveryFixtures.WeeklyEmail("ana@example.com"), CancellationToken.None);

        var message = Assert.Single(_server.Messages);
        Assert.True(message.OverTls);
        Assert.Equal("reports-bot", message.AuthenticatedUser);
        var commands = _server.Commands;
        Assert.True(IndexOf(commands, "STARTTLS") < IndexOf(commands, "AUTH"));
    }

    [Fact]
    public async Task An_untrusted_certificate_is_a_permanent_failure()
    {
        _server.Certificate = _certificate;
        var transport = new SmtpTransport(new SmtpOptions("127.0.0.1", _server.Port, StartTls: true, null, null, 10), _ => null);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(
            () => transport.SendAsync(DeliveryFixtures.WeeklyEmail("ana@example.com"), CancellationToken.None));

        Assert.False(error.IsTransient, error.Message);
        Assert.Empty(_server.Messages);
    }

    private static int IndexOf(IReadOnlyList<string> commands, string verb) =>
        commands.ToList().FindIndex(c => c.StartsWith(verb, StringComparison.OrdinalIgnoreCase));

    /// <summary>Trusts what the system trusts, and this one self-signed certificate.</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 certificate) => (_, presented, _, errors) =>
        errors == SslPolicyErrors.None || presented?.GetCertHashString() == certificate.GetCertHashString();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Export and reload so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
