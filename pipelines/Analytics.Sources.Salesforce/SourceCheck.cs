using Analytics.Pipelines.Crm;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Configuration;
using Analytics.Sources.Salesforce.Mapping;
using Analytics.Sources.Salesforce.Mirror;

namespace Analytics.Sources.Salesforce;

/// <summary>
/// <c>analytics source check</c> for Salesforce: authenticates, describes every mapped object (and the objects reached by
/// relationship paths and lookups), counts each source's rows, and lands nothing.
/// </summary>
/// <param name="config">The source's settings.</param>
/// <param name="clock">The clock (retry waits).</param>
/// <param name="handler">The HTTP handler, or null for a new one.</param>
/// <param name="environment">Reads environment variables (secrets), or null for the process environment.</param>
public sealed class SourceCheck(
    SalesforceSourceConfig config,
    TimeProvider clock,
    HttpMessageHandler? handler = null,
    Func<string, string?>? environment = null)
{
    /// <summary>Checks the mapping against the org.</summary>
    /// <exception cref="SalesforceException">The org cannot be reached or authenticated against, or the API budget is spent.</exception>
    public async Task<SourceCheckReport> RunAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var client = new SalesforceClient(config.Connection, clock, null, handler, environment);
        await client.AuthenticateAsync(ct).ConfigureAwait(false);
        var schema = new OrgSchema(client);
        var entities = new List<EntityCheck>();
        foreach (var entity in CrmSchema.Entities)
        {
            var objects = new List<ObjectCheck>();
            foreach (var source in config.Mapping.For(entity).Sources)
            {
                objects.Add(await CheckAsync(client, schema, source.Object, source.Where, source.FieldPaths, ct).ConfigureAwait(false));
                foreach (var lookup in source.Lookups.DistinctBy(l => (l.Object, l.Key)))
                {
                    var paths = source.Lookups.Where(l => l.Object == lookup.Object && l.Key == lookup.Key)
                        .SelectMany(l => l.ObjectPaths).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    objects.Add(await CheckAsync(client, schema, lookup.Object, null, paths, ct).ConfigureAwait(false));
                }
            }

            entities.Add(new EntityCheck(entity.Name, objects));
        }

        return new SourceCheckReport(SalesforceSource.Describe(config), entities, client.Usage);
    }

    private async Task<ObjectCheck> CheckAsync(SalesforceClient client, OrgSchema schema, string sobject, string? where, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var description = await schema.DescribeAsync(sobject, ct).ConfigureAwait(false);
        if (description is null || !description.Queryable)
        {
            var problem = description is null ? $"the org has no object {sobject}" : $"{sobject} is not queryable by this user";
            return new ObjectCheck(sobject, false, [], paths.Select(p => new MissingField(p, [], problem)).ToList(), null, false, problem);
        }

        var found = new List<string>();
        var missing = new List<MissingField>();
        foreach (var path in paths)
        {
            var resolution = await schema.ResolveAsync(description, path, ct).ConfigureAwait(false);
            if (resolution.Field is null)
            {
                missing.Add(new MissingField(path, resolution.Closest, resolution.Problem!));
            }
            else
            {
                found.Add(path);
            }
        }

        long? count = null;
        string? refused = null;
        try
        {
            count = await client.CountAsync(sobject, where, false, ct).ConfigureAwait(false);
        }
        catch (SalesforceException e) when (e.Kind is SalesforceErrorKind.InvalidField or SalesforceErrorKind.MalformedQuery)
        {
            refused = $"the filter '{where}' is refused: {e.Message}";
        }

        var bulk = count is { } n && (config.BulkThreshold == 0 || n > config.BulkThreshold);
        return new ObjectCheck(sobject, true, found, missing, count, bulk, refused);
    }
}
