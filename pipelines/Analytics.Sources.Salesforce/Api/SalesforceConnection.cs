using Analytics.Pipelines.Resilience;

namespace Analytics.Sources.Salesforce.Api;

/// <summary>Where and how the client talks to an org, with the limits it keeps to.</summary>
/// <param name="LoginUrl">The login URL (https://login.salesforce.com, https://test.salesforce.com or a My Domain); also the JWT audience.</param>
/// <param name="ApiVersion">The pinned API version, e.g. "66.0" (Bulk results must be read with the version that created the job).</param>
/// <param name="Auth">The authentication settings.</param>
public sealed record SalesforceConnection(Uri LoginUrl, string ApiVersion, SalesforceAuth Auth)
{
    /// <summary>How long one HTTP request may take before it counts as a (retried) timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The share of the org's daily API allowance this run may use; the client stops before it uses more.</summary>
    public double MaxApiShare { get; init; } = 0.25;

    /// <summary>How 429s, 5xx responses, timeouts and connection failures are retried.</summary>
    public RetryPolicy Retry { get; init; } = new(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    /// <summary>The first wait between Bulk job polls; later waits grow, capped at 30 seconds.</summary>
    public TimeSpan BulkPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
