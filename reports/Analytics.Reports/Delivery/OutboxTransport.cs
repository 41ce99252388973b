using System.Text;

namespace Analytics.Reports.Delivery;

/// <summary>
/// The default transport: writes each email as <c>&lt;outbox&gt;/&lt;Folder&gt;/&lt;file-safe key&gt;.eml</c>, which any
/// mail client opens. The file appears whole or not at all: MimeKit writes it to a hidden staging file beside the
/// target, and a rename on the same file system moves it into place.
/// </summary>
public sealed class OutboxTransport : IMailTransport
{
    private readonly string _root;
    private readonly TimeProvider _clock;

    /// <summary>Creates the transport; <paramref name="outboxRoot"/> (paths.outbox) is created on the first send.</summary>
    /// <param name="outboxRoot">The outbox folder.</param>
    /// <param name="clock">Dates each email (the system clock when null).</param>
    public OutboxTransport(string outboxRoot, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxRoot);
        _root = Path.GetFullPath(outboxRoot);
        _clock = clock ?? TimeProvider.System;
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
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var target = FileFor(email);
        using var message = EmailComposer.Compose(email, _clock.GetUtcNow());
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await message.WriteToAsync(EmailComposer.Format, file, ct).ConfigureAwait(false);
            }

            File.Move(staging, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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

    private static void TryDelete(string staging)
    {
        try
        {
            File.Delete(staging); // gone already after a successful rename
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A staging file left behind holds no delivered email; the next send uses a fresh one.
        }
    }
}
