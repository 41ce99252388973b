using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Mapping;

namespace Analytics.Sources.HubSpot.Configuration;

/// <summary><c>source.hubspot:</c>, how to reach the portal, where the incremental mirror lives, and the mapping.</summary>
/// <param name="Connection">Base URL, token variable, path prefix, timeouts, retries and paging limits.</param>
/// <param name="StateFolder">The mirror's folder (absolute; relative paths are resolved against pipeline.yaml's folder).</param>
/// <param name="Lookback">How far before the bookmark an incremental read starts again (the search index lags writes).</param>
/// <param name="Partners">Which companies are partners.</param>
/// <param name="Attribution">How partner associations become opportunity_partners rows.</param>
/// <param name="Pipelines">Pipeline id → its motion and stage ids, where labels do not say.</param>
/// <param name="Mapping">The canonical entities' HubSpot side: the default with pipeline.yaml's entities replacing theirs.</param>
public sealed record HubSpotSourceConfig(
    HubSpotConnection Connection,
    string StateFolder,
    TimeSpan Lookback,
    PartnerRule Partners,
    AttributionSettings Attribution,
    IReadOnlyDictionary<string, PipelineOverride> Pipelines,
    HubSpotMapping Mapping)
{
    /// <summary>The default <see cref="StateFolder"/>, relative to pipeline.yaml's folder.</summary>
    public const string DefaultStateFolder = "data/sources/hubspot";

    /// <summary>The default <see cref="Lookback"/>.</summary>
    public static TimeSpan DefaultLookback { get; } = TimeSpan.FromMinutes(10);
}
