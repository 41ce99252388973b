using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Analytics.Sources.Salesforce.Api;

public sealed partial class SalesforceClient
{
    private static readonly Regex NoSuchColumn = new(@"No such column '([^']+)' on entity '([^']+)'", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Texts that must never reach a message: the private key (and its lines), the client secret, the JWT, access tokens.
    private readonly List<string> _secrets = [];
    private readonly Lock _usageGate = new();

    /// <summary>One line about a refused request: the object and field when known, and what to fix.</summary>
    private SalesforceException Failure(HttpStatusCode status, string body, string what, string? sObject)
    {
        var code = ErrorCode(body);
        var message = Short(Redact(ErrorMessage(body) ?? body));
        var subject = sObject ?? "Salesforce";
        switch (code)
        {
            case "INVALID_FIELD":
                var match = NoSuchColumn.Match(message);
                var field = match.Success ? match.Groups[1].Value : null;
                return new SalesforceException(
                    SalesforceErrorKind.InvalidField,
                    field is null
                        ? $"{subject}: a field in the query is not in the org (INVALID_FIELD: {message}). Fix the columns of source.salesforce.mapping for {subject} or grant the integration user field access."
                        : $"{subject}.{field}: no such field in the org (INVALID_FIELD). Fix the column that reads it in source.salesforce.mapping or grant the integration user field access.",
                    sObject,
                    field);
            case "MALFORMED_QUERY" or "INVALIDJOB":
                return new SalesforceException(SalesforceErrorKind.MalformedQuery, $"{subject}: Salesforce refused the query ({code}: {message}). Fix the filter in source.salesforce.mapping for {subject}.", sObject);
            case "INVALID_TYPE" or "NOT_FOUND":
                return new SalesforceException(SalesforceErrorKind.NotFound, $"{subject}: no such object in the org, or the integration user cannot see it ({code}). Fix the object in source.salesforce.mapping or grant the integration user access to it.", sObject);
            case "INVALIDENTITY":
                return new SalesforceException(SalesforceErrorKind.Other, $"{subject}: the Bulk API cannot read this object ({code}: {message}). Read it through REST (a higher bulk threshold in source.salesforce).", sObject);
            case "QUERY_TIMEOUT":
                return new SalesforceException(SalesforceErrorKind.Other, $"{subject}: the query ran too long in Salesforce (QUERY_TIMEOUT); read {subject} through Bulk (a lower bulk threshold in source.salesforce) or narrow its filter in source.salesforce.mapping.", sObject);
            case "REQUEST_LIMIT_EXCEEDED":
                return new SalesforceException(SalesforceErrorKind.QuotaReached, $"the org's API limit is exhausted (REQUEST_LIMIT_EXCEEDED: {message}) during {what}; the previous snapshot is kept. Run again when the rolling 24-hour usage has fallen, or raise the org's allowance.", sObject);
            case "INSUFFICIENT_ACCESS" or "API_DISABLED_FOR_ORG" or "API_CURRENTLY_DISABLED":
                return new SalesforceException(SalesforceErrorKind.Authentication, $"{subject}: the integration user may not do {what} ({code}: {message}). Grant it in the user's permission set.", sObject);
            default:
                return new SalesforceException(
                    status == HttpStatusCode.NotFound ? SalesforceErrorKind.NotFound : SalesforceErrorKind.Other,
                    $"{subject}: Salesforce refused {what} (HTTP {(int)status}{(code is null ? string.Empty : ", " + code)}: {message}).",
                    sObject);
        }
    }

    /// <summary>The errorCode of a Salesforce error body (<c>[{"message":…,"errorCode":…}]</c>), or null.</summary>
    private static string? ErrorCode(string body) => ErrorProperty(body, "errorCode");

    private static string? ErrorMessage(string body) => ErrorProperty(body, "message");

    private static string? ErrorProperty(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var first = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0
                ? json.RootElement[0]
                : json.RootElement;
            return first.ValueKind == JsonValueKind.Object && first.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void AddSecret(string secret)
    {
        lock (_secrets)
        {
            _secrets.Add(secret);
        }
    }

    /// <summary>Replaces every known secret in <paramref name="text"/> with "***" (longest first, so a key's lines go after the whole key).</summary>
    private string Redact(string text)
    {
        List<string> secrets;
        lock (_secrets)
        {
            secrets = [.. _secrets.Where(s => s.Length >= 8).OrderByDescending(s => s.Length)];
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
