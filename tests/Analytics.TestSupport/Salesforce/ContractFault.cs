namespace Analytics.TestSupport.Salesforce;

/// <summary>A scripted failure response of the contract server: a status, a body, and optionally Retry-After or a delay.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body, or null.</param>
/// <param name="RetryAfter">The Retry-After header, or null.</param>
/// <param name="Delay">How long the server waits (real time) before answering: a hung request.</param>
public sealed record ContractFault(int Status, string? Body, TimeSpan? RetryAfter = null, TimeSpan? Delay = null)
{
    /// <summary>401 INVALID_SESSION_ID, as when the session timed out.</summary>
    public static ContractFault InvalidSession() =>
        Error(401, "INVALID_SESSION_ID", "Session expired or invalid");

    /// <summary>429 with <c>Retry-After</c>.</summary>
    public static ContractFault TooManyRequests(TimeSpan retryAfter) =>
        new(429, """[{"message":"Too many requests","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", retryAfter) { IsRateLimit = true };

    /// <summary>503 Service Unavailable.</summary>
    public static ContractFault ServiceUnavailable() =>
        Error(503, "SERVER_UNAVAILABLE", "The server is temporarily unavailable");

    /// <summary>403 REQUEST_LIMIT_EXCEEDED: the org's daily API limit is exhausted.</summary>
    public static ContractFault RequestLimitExceeded() =>
        Error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");

    /// <summary>A hung request: nothing comes back for <paramref name="delay"/> (real time), then a bare 504; a client timeout shorter than that gives up first.</summary>
    public static ContractFault Hang(TimeSpan delay) => new(504, null, null, delay);

    /// <summary>Any Salesforce error body: <c>[{"message":…,"errorCode":…}]</c>.</summary>
    public static ContractFault Error(int status, string errorCode, string message) =>
        new(status, $$"""[{"message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"errorCode":{{System.Text.Json.JsonSerializer.Serialize(errorCode)}}}]""");

    /// <summary>Whether this is a 429 with an errorCode that must not be read as the daily limit.</summary>
    public bool IsRateLimit { get; init; }
}
