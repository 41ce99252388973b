using System.Globalization;
using System.Text.Json;

namespace Analytics.TestSupport.HubSpot;

/// <summary>A scripted failure response of the HubSpot contract server: a status, a body, headers, optionally a delay.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body, or null.</param>
/// <param name="Headers">Extra response headers (rate-limit headers, Retry-After).</param>
/// <param name="Delay">How long the server waits (real time) before answering: a hung request.</param>
public sealed record HubSpotFault(int Status, string? Body, IReadOnlyDictionary<string, string> Headers, TimeSpan? Delay = null)
{
    /// <summary>
    /// 429 of the ten-secondly limit: <c>X-HubSpot-RateLimit-Remaining: 0</c> and the window in
    /// <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>, with <c>Retry-After</c> when given.
    /// </summary>
    public static HubSpotFault RateLimited(TimeSpan interval, TimeSpan? retryAfter = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-HubSpot-RateLimit-Max"] = "190",
            ["X-HubSpot-RateLimit-Remaining"] = "0",
            ["X-HubSpot-RateLimit-Interval-Milliseconds"] = ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            ["X-HubSpot-RateLimit-Daily"] = "1000000",
            ["X-HubSpot-RateLimit-Daily-Remaining"] = "999000",
        };
        if (retryAfter is { } wait)
        {
            headers["Retry-After"] = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return new HubSpotFault(429, """{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"c0330b6c-ab79-4a4c-9c4e-0e6a4e9a6b11","policyName":"TEN_SECONDLY_ROLLING"}""", headers);
    }

    /// <summary>429 of the daily limit: <c>X-HubSpot-RateLimit-Daily-Remaining: 0</c>, policy DAILY.</summary>
    public static HubSpotFault DailyLimit() => new(429,
        """{"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"c0330b6c-ab79-4a4c-9c4e-0e6a4e9a6b12","policyName":"DAILY"}""",
        new Dictionary<string, string> { ["X-HubSpot-RateLimit-Daily"] = "250000", ["X-HubSpot-RateLimit-Daily-Remaining"] = "0" });

    /// <summary>401 INVALID_AUTHENTICATION, as for a wrong, revoked or expired token.</summary>
    public static HubSpotFault Unauthorized() => new(401,
        """{"status":"error","message":"Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview","correlationId":"4ac4d25c-5a6a-4a8f-9d5e-7d2b6d7f9a01","category":"INVALID_AUTHENTICATION"}""",
        new Dictionary<string, string>());

    /// <summary>403 MISSING_SCOPES naming the scopes the call needs (<c>errors[0].context.requiredScopes</c>).</summary>
    public static HubSpotFault MissingScopes(params string[] scopes) => new(403,
        """{"status":"error","message":"This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.","correlationId":"8c5f3b61-4a0d-4f55-9b8a-2f1f0e7e6c02","errors":[{"message":"One or more of the following scopes are required.","context":{"requiredScopes":"""
            + JsonSerializer.Serialize(scopes)
            + """}}],"links":{"scopes":"https://developers.hubspot.com/scopes"},"category":"MISSING_SCOPES"}""",
        new Dictionary<string, string>());

    /// <summary>502 Bad Gateway, a HubSpot timeout.</summary>
    public static HubSpotFault BadGateway() => new(502, """{"status":"error","message":"Bad gateway","category":"BAD_GATEWAY"}""", new Dictionary<string, string>());

    /// <summary>A hung request: nothing for <paramref name="delay"/> (real time), then 504.</summary>
    public static HubSpotFault Hang(TimeSpan delay) => new(504, null, new Dictionary<string, string>(), delay);
}
