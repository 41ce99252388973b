using System.Globalization;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.Sources.Salesforce.Configuration;

namespace Analytics.Sources.Salesforce;

/// <summary>
/// The Salesforce source: mirrors every mapped object incrementally into <c>state_folder</c> (per snapshot date, merged by
/// Id, deletes removed), then projects the mirror onto the canonical entities and stages them through the same
/// validation and quarantine as the file drop.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="maxTextLength">The longest text a field may hold (the file drop's limit).</param>
/// <param name="clock">The clock: the run's start is the new bookmark.</param>
/// <param name="handler">The HTTP handler, or null for a new one.</param>
/// <param name="environment">Reads environment variables (secrets), or null for the process environment.</param>
public sealed class SalesforceSource(
    SalesforceSourceConfig config,
    int maxTextLength,
    TimeProvider clock,
    HttpMessageHandler? handler = null,
    Func<string, string?>? environment = null) : ICrmSource
{
    /// <inheritdoc />
    public string Description => Describe(config);

    /// <summary>Set by the last <see cref="Extract"/>: how each object was read (incremental or full, and why), for the manifest.</summary>
    public string? LastReadSummary { get; private set; }

    /// <inheritdoc />
    public void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress)
    {
        _ = (maxTextLength, clock, handler, environment);
        throw new NotImplementedException("Not implemented yet.");
    }

    /// <summary><c>salesforce (https://login.salesforce.com, API v66.0)</c>: never secrets.</summary>
    internal static string Describe(SalesforceSourceConfig config) =>
        string.Create(CultureInfo.InvariantCulture, $"salesforce ({config.Connection.LoginUrl.GetLeftPart(UriPartial.Authority)}, API v{config.Connection.ApiVersion})");
}
