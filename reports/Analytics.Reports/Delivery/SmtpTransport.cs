using System.Net;
using System.Net.Mail;
using System.Net.Sockets;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Sends through an SMTP server with System.Net.Mail (one connection per email). Credentials come from the environment
/// variables named in <see cref="SmtpOptions"/>, read at each send; failures become <see cref="MailDeliveryException"/>s
/// classified transient or permanent, with any credential scrubbed from the message.
/// </summary>
public sealed class SmtpTransport : IMailTransport
{
    private readonly SmtpOptions _options;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Server, port, STARTTLS, credential variable names, timeout.</param>
    /// <param name="environment">Reads an environment variable by name (<see cref="Environment.GetEnvironmentVariable(string)"/> in production).</param>
    public SmtpTransport(SmtpOptions options, Func<string, string?> environment)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

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
        using var message = EmailComposer.Compose(email);
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = _options.StartTls,
            UseDefaultCredentials = false,
            Credentials = credential,
            Timeout = _options.TimeoutSeconds * 1000,
        };

        // SmtpClient.Timeout governs only the synchronous Send; the async send is bounded by cancellation instead.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await client.SendMailAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MailDeliveryException($"{where}: no answer within {_options.TimeoutSeconds} s.", isTransient: true);
        }
        catch (SmtpException e)
        {
            throw SmtpFailures.Classify(e, where, scrubber);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new MailDeliveryException($"{where}: {scrubber.Scrub(e.Message)}", isTransient: true);
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
