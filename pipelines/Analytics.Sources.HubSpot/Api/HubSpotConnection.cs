using Analytics.Pipelines.Resilience;

namespace Analytics.Sources.HubSpot.Api;

/// <summary>Where and how the client talks to a HubSpot portal, with the limits it keeps to.</summary>
/// <param name="BaseUrl">The API's base URL, <c>https://api.hubapi.com</c> (a contract server in tests).</param>
/// <param name="TokenVariable">The name of the environment variable holding the bearer token (never the token).</param>
public sealed record HubSpotConnection(Uri BaseUrl, string TokenVariable)
{
    /// <summary>The default <see cref="ApiPrefix"/>: the v3 object paths.</summary>
    public const string V3Prefix = "crm/v3/objects";

    /// <summary>
    /// The objects' path prefix: <c>crm/v3/objects</c>, or a dated one such as <c>crm/objects/2026-03</c> (the v3 paths
    /// lose support in September 2027; research/crm_connectors.md §2.1). Pipelines, owners, properties and associations
    /// keep their own versioned paths.
    /// </summary>
    public string ApiPrefix { get; init; } = V3Prefix;

    /// <summary>How long one HTTP request may take before it counts as a (retried) timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How 429s (ten-secondly limit), 477, 5xx responses, timeouts and connection failures are retried.</summary>
    public RetryPolicy Retry { get; init; } = new(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    /// <summary>The least time between two search requests: the search endpoint has its own, lower rate (5/s per account).</summary>
    public TimeSpan SearchInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most results one search query can page through: HubSpot's cap is 10,000 (a contract server may set a smaller one).</summary>
    public int SearchCap { get; init; } = 10_000;

    /// <summary>The most pages one list, search or association read may take before it is stopped as runaway paging.</summary>
    public int MaxPages { get; init; } = 200_000;
}
