using System.Security.Cryptography;
using System.Text;

namespace Analytics.Reports.Delivery;

/// <summary>
/// One logical email to deliver, whatever the transport. <see cref="DeliveryKey"/> identifies it across runs: the
/// delivery ledger sends a key once, so a re-run of the same week sends nothing twice.
/// </summary>
/// <param name="DeliveryKey">Unique per logical email, e.g. <c>weekly/2026-W47/ana@example.com</c>.</param>
/// <param name="Folder">The outbox sub-folder the email belongs to, e.g. <c>2026-W47</c> (one path segment).</param>
/// <param name="From">The sender address, optionally with a display name (<c>"Partner Analytics" &lt;reports@example.com&gt;</c>).</param>
/// <param name="To">The recipients (at least one).</param>
/// <param name="Subject">The subject (any Unicode; encoded as UTF-8).</param>
/// <param name="HtmlBody">The HTML alternative.</param>
/// <param name="TextBody">The plain-text alternative (shown by clients that do not render HTML).</param>
/// <param name="Attachments">Files sent with the email.</param>
public sealed record OutgoingEmail(
    string DeliveryKey,
    string Folder,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyList<EmailAttachment> Attachments)
{
    /// <summary>What the ledger records as the email's kind; the weekly scorecard unless said otherwise.</summary>
    public string Kind { get; init; } = "weekly_scorecard";

    /// <summary>
    /// SHA-256 (lowercase hex) of the subject, both bodies and every attachment (name, type, bytes), in order:
    /// the same content gives the same hash on every run, so the ledger shows whether a re-built email changed.
    /// </summary>
    public string ContentSha256
    {
        get
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AddText(hash, Subject);
            AddText(hash, TextBody);
            AddText(hash, HtmlBody);
            foreach (var attachment in Attachments)
            {
                AddText(hash, attachment.FileName);
                AddText(hash, attachment.ContentType);
                AddBytes(hash, attachment.Content);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    // Each field is length-prefixed so that moving text from one field to the next changes the hash.
    private static void AddText(IncrementalHash hash, string text) => AddBytes(hash, Encoding.UTF8.GetBytes(text));

    private static void AddBytes(IncrementalHash hash, byte[] bytes)
    {
        hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
        hash.AppendData(bytes);
    }
}
