using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Sources;
using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Mapping;
using Analytics.Sources.HubSpot.Mirror;

namespace Analytics.Sources.HubSpot;

/// <summary>
/// <c>analytics source check</c> for HubSpot: per mapped object type, whether the token's scopes reach it, which mapped
/// properties it lacks (with the closest names), how many records it holds; the pipelines' mapping onto our motions and
/// stages and its gaps; the owners. Lands nothing. A refused token (401) ends the check with one line.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="clock">The clock (retry waits).</param>
/// <param name="handler">The HTTP handler, or null for a new one.</param>
/// <param name="environment">Reads environment variables (the token), or null for the process environment.</param>
public sealed class HubSpotSourceCheck(
    HubSpotSourceConfig config,
    TimeProvider clock,
    HttpMessageHandler? handler = null,
    Func<string, string?>? environment = null)
{
    /// <summary>Checks the mapping against the portal.</summary>
    /// <exception cref="HubSpotException">The portal cannot be reached, the token is refused, or the daily limit is spent.</exception>
    public async Task<HubSpotSourceCheckReport> RunAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var client = new HubSpotClient(config.Connection, clock, null, handler, environment);
        var stages = PipelineStages.Map(await client.PipelinesAsync(ct).ConfigureAwait(false), config.Pipelines);
        long? owners = 0;
        try
        {
            await foreach (var _ in client.OwnersAsync(ct).ConfigureAwait(false))
            {
                owners++;
            }
        }
        catch (HubSpotException e) when (e.Kind == HubSpotErrorKind.MissingScopes)
        {
            owners = null;
        }

        var objects = new List<HubSpotObjectCheck>();
        foreach (var unit in HubSpotMirrorUnit.Plan(config))
        {
            var entities = CrmSchema.Entities.Where(e => config.Mapping.For(e).Sources.Any(s => s.Object == unit.Object)).Select(e => e.Name).ToList();
            objects.Add(await CheckAsync(client, unit, entities, ct).ConfigureAwait(false));
        }

        return new HubSpotSourceCheckReport(
            HubSpotSource.Describe(config),
            objects,
            stages.Stages.Count(s => s.StageIndex is not null),
            stages.Stages.Count,
            stages.Gaps,
            owners,
            client.Requests);
    }

    private static async Task<HubSpotObjectCheck> CheckAsync(HubSpotClient client, HubSpotMirrorUnit unit, IReadOnlyList<string> entities, CancellationToken ct)
    {
        var scopes = new List<string>();
        string? problem = null;
        IReadOnlyList<HubSpotProperty>? properties = null;
        long? count = null;
        try
        {
            properties = await client.PropertiesAsync(unit.Object, ct).ConfigureAwait(false);
            count = await client.CountAsync(unit.Object, ct).ConfigureAwait(false);
        }
        catch (HubSpotException e) when (e.Kind is HubSpotErrorKind.MissingScopes or HubSpotErrorKind.NotFound)
        {
            scopes.AddRange(e.MissingScopes);
            problem = e.Kind == HubSpotErrorKind.NotFound
                ? $"the portal has no object type {unit.Object}"
                : $"the token lacks {string.Join(", ", e.MissingScopes)}";
        }

        var found = new List<string>();
        var missing = new List<MissingProperty>();
        if (properties is not null)
        {
            var names = properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in unit.Properties)
            {
                if (names.Contains(property))
                {
                    found.Add(property);
                }
                else
                {
                    missing.Add(new MissingProperty(property, ClosestNames.Find(property, names)));
                }
            }
        }

        return new HubSpotObjectCheck(unit.Object, entities, found, missing, count, scopes, problem);
    }
}
