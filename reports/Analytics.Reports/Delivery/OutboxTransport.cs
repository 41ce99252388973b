using System.Net.Mail;
using System.Text;

namespace Analytics.Reports.Delivery;

/// <summary>
/// The default transport: writes each email as <c>&lt;outbox&gt;/&lt;Folder&gt;/&lt;file-safe key&gt;.eml</c>, which any
/// mail client opens. The file appears whole or not at all: .NET writes it into a staging folder beside the target
/// (SmtpClient's pickup directory), and a rename on the same file system moves it into place.
/// </summary>
public sealed class OutboxTransport : IMailTransport
{
    private readonly string _root;

    /// <summary>Creates the transport; <paramref name="outboxRoot"/> (paths.outbox) is created on the first send.</summary>
    public OutboxTransport(string outboxRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxRoot);
        _root = Path.GetFullPath(outboxRoot);
    }

    /// <summary>The outbox folder (absolute).</summary>
    public string Root => _root;

    /// <inheritdoc/>
    public string Describe() => $"outbox {_root}";

    /// <summary>The file <paramref name="email"/> is written to.</summary>
    /// <exception cref="MailDeliveryException">The email's folder is not a single, safe path segment.</exception>
    public string FileFor(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Path.Combine(_root, CheckedFolder(email), FileName(email.DeliveryKey));
    }

    /// <inheritdoc/>
    public Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var target = FileFor(email);
        var folder = Path.GetDirectoryName(target)!;
        var staging = Path.Combine(folder, ".staging-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(staging);
            using (var message = EmailComposer.Compose(email))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                client.Send(message);
            }

            File.Move(Directory.GetFiles(staging).Single(), target, overwrite: true);
            return Task.CompletedTask;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SmtpException)
        {
            throw new MailDeliveryException($"{email.DeliveryKey}: could not write {target}: {e.Message}", isTransient: false);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>
    /// A file name for a delivery key: characters outside [A-Za-z0-9@._+-] become '_', and when any did, a hash of the
    /// whole key follows so that two keys never share a file (<c>weekly_2026-W47_ana@example.com.3f9a1c2e5d7b0a44.eml</c>).
    /// </summary>
    internal static string FileName(string deliveryKey)
    {
        var safe = new StringBuilder(deliveryKey.Length);
        foreach (var c in deliveryKey)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '_' or '+' or '-' ? c : '_');
        }

        var name = safe.ToString().Trim('.');
        if (name.Length > 150)
        {
            name = name[..150];
        }

        return name == deliveryKey ? name + ".eml" : $"{name}.{EmailComposer.KeyHash(deliveryKey)}.eml";
    }

    private static string CheckedFolder(OutgoingEmail email)
    {
        var folder = email.Folder;
        if (string.IsNullOrWhiteSpace(folder) || folder is "." or ".." || folder.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new MailDeliveryException(
                $"{email.DeliveryKey}: the outbox folder '{folder}' must be one folder name (e.g. 2026-W47), not a path.", isTransient: false);
        }

        return folder;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A staging folder left behind holds no delivered email; the next send uses a fresh one.
        }
    }
}
