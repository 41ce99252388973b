namespace Analytics.Sources.HubSpot.Configuration;

/// <summary>
/// One deal pipeline's mapping onto our motions (<c>source.hubspot.pipelines.&lt;pipeline id&gt;</c>): its motion and
/// stage ids → canonical stages; what is not given falls back to the labels ("Referral", "Intro Logged").
/// </summary>
/// <param name="Motion">The motion whose sales process the pipeline is, or null to go by its label.</param>
/// <param name="Stages">Stage id → canonical stage.</param>
public sealed record PipelineOverride(string? Motion, IReadOnlyDictionary<string, string> Stages);
