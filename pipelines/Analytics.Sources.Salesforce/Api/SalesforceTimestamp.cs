using System.Globalization;

namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// Salesforce's timestamp texts: JSON sends <c>2024-06-30T10:00:00.000+0000</c> (an offset without a colon, which
/// System.Text.Json's DateTimeOffset reader refuses), Bulk CSV sends <c>2024-06-30T10:00:00.000Z</c>. Both parse exactly.
/// </summary>
public static class SalesforceTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'",
    ];

    /// <summary>Parses a Salesforce timestamp exactly (invariant culture); a <see cref="FormatException"/> names the text otherwise.</summary>
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a Salesforce timestamp (expected e.g. 2024-06-30T10:00:00.000+0000).");
    }

    /// <summary>The canonical text of a Salesforce timestamp: UTC, "yyyy-MM-ddTHH:mm:ss.fffZ".</summary>
    public static string Canonical(string text) => Format(Parse(text));

    /// <summary>Formats an instant as the canonical text: UTC, "yyyy-MM-ddTHH:mm:ss.fffZ".</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A SOQL datetime literal (unquoted, UTC): 2024-05-01T00:00:00.000Z.</summary>
    public static string SoqlLiteral(DateTimeOffset value) => Format(value);
}
