using System.Net;
using System.Net.Security;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Sends through an SMTP server with MailKit (one connection per email): STARTTLS when configured, AUTH with the
/// credentials of the environment variables named in <see cref="SmtpOptions"/>, read at each send. Failures become
/// <see cref="MailDeliveryException"/>s classified transient or permanent, with any credential scrubbed from the
/// message. No protocol logger is ever attached: it would write the message bodies and the AUTH exchange.
/// </summary>
public sealed class SmtpTransport : IMailTransport
{
    private readonly SmtpOptions _options;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _clock;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Server, port, STARTTLS, credential variable names, timeout.</param>
    /// <param name="environment">Reads an environment variable by name (<see cref="Environment.GetEnvironmentVariable(string)"/> in production).</param>
    /// <param name="clock">Dates each email (the system clock when null).</param>
    public SmtpTransport(SmtpOptions options, Func<string, string?> environment, TimeProvider? clock = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Decides whether the server's certificate is trusted; null leaves it to MailKit's default (the system's trust
    /// store and the host name). Tests trust their own self-signed certificate with it.
    /// </summary>
    internal RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <inheritdoc/>
    public string Describe() =>
        $"smtp {_options.Host}:{_options.Port}" + (_options.StartTls ? " starttls" : string.Empty)
        + (_options.UsernameVariable is null ? string.Empty : $" auth ${_options.UsernameVariable}");

    /// <inheritdoc/>
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var credential = ReadCredential();
        var scrubber = new SecretScrubber(credential?.UserName, credential?.Password);
        var where = $"{email.DeliveryKey} via {Describe()}";
        using var message = EmailComposer.Compose(email, _clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        if (CertificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = CertificateValidation;
        }

        // Timeout bounds each read and write; the whole conversation is bounded by cancellation as well.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, timeout.Token)
                .ConfigureAwait(false);
            if (credential is not null)
            {
                await client.AuthenticateAsync(credential, timeout.Token).ConfigureAwait(false);
            }

            await client.SendAsync(EmailComposer.Format, message, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is OperationCanceledException or TimeoutException) && !ct.IsCancellationRequested)
        {
            throw new MailDeliveryException($"{where}: no answer within {_options.TimeoutSeconds} s.", isTransient: true);
        }
        catch (Exception e) when (SmtpFailures.Classify(e, where, scrubber) is { } failure)
        {
            throw failure;
        }
    }

    private NetworkCredential? ReadCredential()
    {
        if (_options.UsernameVariable is null || _options.PasswordVariable is null)
        {
            return null;
        }

        var username = Read(_options.UsernameVariable, "user name");
        var password = Read(_options.PasswordVariable, "password");
        return new NetworkCredential(username, password);
    }

    private string Read(string variable, string what)
    {
        var value = _environment(variable);
        return string.IsNullOrEmpty(value)
            ? throw new DeliveryConfigurationException(
                $"SMTP {what}: the environment variable {variable} (named in pipeline.yaml) is not set or is empty.")
            : value;
    }
}
