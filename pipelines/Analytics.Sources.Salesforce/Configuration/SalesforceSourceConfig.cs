using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Mapping;

namespace Analytics.Sources.Salesforce.Configuration;

/// <summary><c>source.salesforce:</c>, how to reach the org, where the incremental mirror lives, and the mapping.</summary>
/// <param name="Connection">Login URL, pinned API version, authentication, limits and retries.</param>
/// <param name="StateFolder">The mirror's folder (absolute; relative paths are resolved against pipeline.yaml's folder).</param>
/// <param name="BulkThreshold">Objects whose count query returns more rows than this are read with Bulk 2.0; 0 = always Bulk.</param>
/// <param name="Lookback">How far before the bookmark an incremental read starts again (clock skew, late commits).</param>
/// <param name="Mapping">The canonical entities' Salesforce side: the default with pipeline.yaml's entities replacing theirs.</param>
public sealed record SalesforceSourceConfig(
    SalesforceConnection Connection,
    string StateFolder,
    long BulkThreshold,
    TimeSpan Lookback,
    SalesforceMapping Mapping)
{
    /// <summary>The default <see cref="BulkThreshold"/>.</summary>
    public const long DefaultBulkThreshold = 50_000;

    /// <summary>The default <see cref="StateFolder"/>, relative to pipeline.yaml's folder.</summary>
    public const string DefaultStateFolder = "data/sources/salesforce";

    /// <summary>The default <see cref="Lookback"/>.</summary>
    public static TimeSpan DefaultLookback { get; } = TimeSpan.FromMinutes(10);
}
