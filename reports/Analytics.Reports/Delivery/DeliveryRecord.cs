using System.Text.Json.Serialization;

namespace Analytics.Reports.Delivery;

/// <summary>One line of the delivery ledger (<c>&lt;outbox&gt;/deliveries.jsonl</c>): the outcome of one email in one run.</summary>
/// <param name="DeliveryKey">The email's key (<see cref="OutgoingEmail.DeliveryKey"/>).</param>
/// <param name="Kind">What the email is, e.g. <c>weekly_scorecard</c>.</param>
/// <param name="Recipients">Its recipients.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Status">Sent or failed.</param>
/// <param name="Attempts">Attempts made in this run (1 when the first succeeded).</param>
/// <param name="Transport">The transport's description (host and port, or outbox folder); never a secret.</param>
/// <param name="At">When the outcome was recorded (UTC).</param>
/// <param name="ContentSha256">The email's <see cref="OutgoingEmail.ContentSha256"/>.</param>
/// <param name="Error">The last failure's message (scrubbed of secrets), or null when sent.</param>
/// <param name="File">The <c>.eml</c> written by the outbox transport, or null.</param>
public sealed record DeliveryRecord(
    [property: JsonPropertyName("delivery_key")] string DeliveryKey,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("recipients")] IReadOnlyList<string> Recipients,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("status")] DeliveryStatus Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("transport")] string Transport,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("content_sha256")] string ContentSha256,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("file")] string? File);
