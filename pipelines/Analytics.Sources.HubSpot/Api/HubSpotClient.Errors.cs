using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Analytics.Sources.HubSpot.Api;

public sealed partial class HubSpotClient
{
    /// <summary>One line about a refused request: what was asked, what HubSpot said, and what to fix.</summary>
    private HubSpotException Failure(HttpResponseMessage response, string body, string what, string? objectType)
    {
        var (category, message, scopes) = ErrorBody(body);
        message = Short(Redact(message ?? body));
        var subject = objectType ?? "HubSpot";
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new HubSpotException(
                HubSpotErrorKind.Authentication,
                $"HubSpot refused the token in {_connection.TokenVariable} for {what} (401 {category ?? "INVALID_AUTHENTICATION"}); the token is wrong, revoked or expired: put a current access token of the app into {_connection.TokenVariable}.",
                objectType),
            HttpStatusCode.Forbidden when category == "MISSING_SCOPES" || scopes.Count > 0 => new HubSpotException(
                HubSpotErrorKind.MissingScopes,
                $"{subject}: the token lacks the scope{(scopes.Count == 1 ? string.Empty : "s")} {(scopes.Count == 0 ? "this call needs" : string.Join(", ", scopes))} for {what} (403 MISSING_SCOPES); add {(scopes.Count == 1 ? "it" : "them")} to the app's scopes and install it again.",
                objectType,
                scopes),
            HttpStatusCode.NotFound => new HubSpotException(
                HubSpotErrorKind.NotFound,
                $"{subject}: no such object type or resource in the portal for {what} (404: {message}); fix the object in source.hubspot.mapping or the api_prefix.",
                objectType),
            (HttpStatusCode)429 => new HubSpotException(
                HubSpotErrorKind.DailyLimit,
                $"the portal's daily API limit is spent (429 during {what}: {message}); the previous snapshot is kept. Run again after midnight in the portal's time zone.",
                objectType),
            _ => new HubSpotException(
                HubSpotErrorKind.Other,
                string.Create(CultureInfo.InvariantCulture, $"{subject}: HubSpot refused {what} (HTTP {status}{(category is null ? string.Empty : ", " + category)}: {message})."),
                objectType),
        };
    }

    /// <summary>The category, message and missing scopes of a HubSpot error body; every field is optional.</summary>
    internal static (string? Category, string? Message, IReadOnlyList<string> Scopes) ErrorBody(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, []);
            }

            var scopes = new List<string>();
            void Collect(JsonElement context)
            {
                foreach (var key in new[] { "requiredScopes", "missingScopes", "requiredGranularScopes" })
                {
                    if (context.ValueKind == JsonValueKind.Object && context.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        scopes.AddRange(list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!));
                    }
                }
            }

            if (root.TryGetProperty("context", out var context))
            {
                Collect(context);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("context", out var errorContext))
                    {
                        Collect(errorContext);
                    }
                }
            }

            return (Text(root, "category"), Text(root, "message"), scopes.Distinct(StringComparer.Ordinal).ToList());
        }
        catch (JsonException)
        {
            return (null, null, []);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
