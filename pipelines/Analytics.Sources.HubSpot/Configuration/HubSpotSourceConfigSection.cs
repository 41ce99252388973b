using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Resilience;
using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Mapping;

namespace Analytics.Sources.HubSpot.Configuration;

/// <summary>
/// Reads <c>source.hubspot:</c>. The token never appears in the file: only the name of the environment variable that
/// carries it. Errors name the file, line and key and say what is allowed.
/// </summary>
public sealed partial class HubSpotSourceConfigSection : IConfigSection<HubSpotSourceConfig>
{
    /// <summary>The default base URL.</summary>
    public const string DefaultBaseUrl = "https://api.hubapi.com";

    /// <summary>The default name of the token's environment variable.</summary>
    public const string DefaultTokenVariable = "HUBSPOT_TOKEN";

    private HubSpotSourceConfigSection()
    {
    }

    /// <summary>The one instance the composition root registers.</summary>
    public static HubSpotSourceConfigSection Instance { get; } = new();

    /// <inheritdoc />
    public string Path => "source.hubspot";

    /// <inheritdoc />
    public HubSpotSourceConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var baseFolder = System.IO.Path.GetDirectoryName(section.File) is { Length: > 0 } folder ? folder : Environment.CurrentDirectory;
        var baseText = section.String("base_url", DefaultBaseUrl);
        if (!Uri.TryCreate(baseText.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
        {
            throw section.Error("base_url", $"must be an https URL ({DefaultBaseUrl}), not '{baseText}'");
        }

        var prefix = section.String("api_prefix", HubSpotConnection.V3Prefix).Trim('/');
        if (!Prefix().IsMatch(prefix))
        {
            throw section.Error("api_prefix", $"must be crm/v3/objects or a dated prefix such as crm/objects/2026-03, not '{prefix}'");
        }

        var defaults = new HubSpotConnection(baseUrl, section.EnvironmentVariableName("token_variable") ?? DefaultTokenVariable);
        var retry = RetryConfig.Read(section.Section("retry"), new RetryConfig(
            defaults.Retry.MaxAttempts, defaults.Retry.InitialDelay.TotalSeconds, defaults.Retry.MaxDelay.TotalSeconds));
        var connection = defaults with
        {
            ApiPrefix = prefix,
            RequestTimeout = TimeSpan.FromSeconds(section.Int("request_timeout_seconds", (int)defaults.RequestTimeout.TotalSeconds, 1, 3600)),
            Retry = RetryPolicy.From(retry),
            SearchInterval = TimeSpan.FromSeconds(1.0 / section.Double("search_requests_per_second", 1 / defaults.SearchInterval.TotalSeconds, 0.1, 5)),
            MaxPages = section.Int("max_pages", defaults.MaxPages, 1, int.MaxValue),
        };
        var lookback = TimeSpan.FromMinutes(section.Int("lookback_minutes", (int)HubSpotSourceConfig.DefaultLookback.TotalMinutes, 0, 24 * 60));
        var state = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseFolder, section.String("state_folder", HubSpotSourceConfig.DefaultStateFolder)));
        var attribution = ReadAttribution(section.Section("attribution"));
        var partners = ReadPartners(section.Section("partners"));
        var pipelines = ReadPipelines(section.Section("pipelines"));
        var mapping = HubSpotMapping.Default.With(HubSpotMappingReader.ReadEntities(section.Section("mapping")));
        section.RejectUnknownKeys();
        return new HubSpotSourceConfig(connection, state, lookback, partners, attribution, pipelines, mapping);
    }

    private static PartnerRule ReadPartners(YamlSection section)
    {
        var property = section.OptionalString("property");
        var byLabel = section.Bool("by_association_label", false);
        section.RejectUnknownKeys();
        if (property is not null && byLabel)
        {
            throw section.Error("by_association_label", "and property exclude each other: partners are the companies with the property set, or those associated under a partner label");
        }

        return byLabel ? new PartnerRule(null, true) : new PartnerRule(property ?? AttributionSettings.Default.RoleProperty, false);
    }

    private static AttributionSettings ReadAttribution(YamlSection section)
    {
        var defaults = AttributionSettings.Default;
        var labels = defaults.Labels;
        var labelsSection = section.Section("labels");
        var keys = labelsSection.Keys.ToList();
        if (keys.Count > 0)
        {
            var read = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var label in keys)
            {
                var value = labelsSection.OptionalString(label);
                read[label] = value switch
                {
                    "sourced" or "influenced" => value,
                    "none" => null,
                    _ => throw labelsSection.Error(label, $"must be sourced, influenced or none (a partner whose attribution is not recorded), not '{value}'"),
                };
            }

            labelsSection.RejectUnknownKeys();
            labels = read;
        }

        var settings = new AttributionSettings(
            labels,
            section.String("role_property", defaults.RoleProperty),
            section.String("pct_property", defaults.PctProperty),
            section.String("added_at_property", defaults.AddedAtProperty));
        section.RejectUnknownKeys();
        return settings;
    }

    private static Dictionary<string, PipelineOverride> ReadPipelines(YamlSection section)
    {
        var pipelines = new Dictionary<string, PipelineOverride>(StringComparer.Ordinal);
        foreach (var id in section.Keys.ToList())
        {
            var pipeline = section.Section(id);
            var motion = pipeline.OptionalString("motion");
            if (motion is not null && !MotionStages.Motions.Contains(motion))
            {
                throw pipeline.Error("motion", $"must be one of {string.Join(", ", MotionStages.Motions)}, not '{motion}'");
            }

            var stagesSection = pipeline.Section("stages");
            var stages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var stageId in stagesSection.Keys.ToList())
            {
                var stage = stagesSection.OptionalString(stageId);
                stages[stageId] = stage is not null && MotionStages.AllStages.Contains(stage)
                    ? stage
                    : throw stagesSection.Error(stageId, $"must be one of our stages ({string.Join(", ", MotionStages.AllStages)}), not '{stage}'");
            }

            stagesSection.RejectUnknownKeys();
            pipeline.RejectUnknownKeys();
            pipelines[id] = new PipelineOverride(motion, stages);
        }

        section.RejectUnknownKeys();
        return pipelines;
    }

    [GeneratedRegex(@"^crm/(v3/objects|objects/\d{4}-\d{2}(-beta)?)$")]
    private static partial Regex Prefix();
}
