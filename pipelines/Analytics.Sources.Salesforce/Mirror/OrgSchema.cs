using Analytics.Pipelines.Sources;
using Analytics.Sources.Salesforce.Api;

namespace Analytics.Sources.Salesforce.Mirror;

/// <summary>
/// The org's object descriptions, fetched once each per run, and the resolution of field paths through relationships
/// (<c>Partner.Owner.Email</c>: Partner → Account, Owner → User, Email).
/// </summary>
internal sealed class OrgSchema(SalesforceClient client)
{
    private readonly Dictionary<string, SObjectDescription?> _descriptions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The description of <paramref name="sobject"/>, or null when the org has no such object.</summary>
    public async Task<SObjectDescription?> DescribeAsync(string sobject, CancellationToken ct)
    {
        if (!_descriptions.TryGetValue(sobject, out var description))
        {
            description = await client.DescribeAsync(sobject, ct).ConfigureAwait(false);
            _descriptions[sobject] = description;
        }

        return description;
    }

    /// <summary>Resolves <paramref name="path"/> from <paramref name="root"/>: its field and type, or why it cannot be read.</summary>
    public async Task<PathResolution> ResolveAsync(SObjectDescription root, string path, CancellationToken ct)
    {
        var steps = path.Split('.');
        var current = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            var reference = current.Fields.FirstOrDefault(f => string.Equals(f.RelationshipName, steps[i], StringComparison.OrdinalIgnoreCase));
            if (reference is null || reference.ReferenceTo.Count == 0)
            {
                var relationships = current.Fields.Where(f => f.RelationshipName is not null).Select(f => f.RelationshipName!);
                return PathResolution.Missing(path, ClosestNames.Find(steps[i], relationships), $"{current.Name} has no relationship '{steps[i]}'");
            }

            var parent = await DescribeAsync(reference.ReferenceTo[0], ct).ConfigureAwait(false);
            if (parent is null)
            {
                return PathResolution.Missing(path, [], $"{current.Name}.{reference.Name} points to {reference.ReferenceTo[0]}, which the org does not have");
            }

            current = parent;
        }

        var field = current.Field(steps[^1]);
        return field is null
            ? PathResolution.Missing(path, ClosestNames.Find(steps[^1], current.Fields.Select(f => f.Name)), $"{current.Name} has no field '{steps[^1]}'")
            : PathResolution.Found(path, field, current.Name);
    }

    /// <summary>The canonical-text type of a described field.</summary>
    public static SalesforceValueType ValueType(SalesforceField field) => field.Type.ToLowerInvariant() switch
    {
        "datetime" => SalesforceValueType.DateTime,
        "date" => SalesforceValueType.Date,
        "double" or "currency" or "percent" or "int" or "long" => SalesforceValueType.Number,
        "boolean" => SalesforceValueType.Boolean,
        _ => SalesforceValueType.Text,
    };

    /// <summary>The cursor field of an object: SystemModstamp, else LastModifiedDate, else CreatedDate, else none.</summary>
    public static string? CursorField(SObjectDescription description) =>
        new[] { "SystemModstamp", "LastModifiedDate", "CreatedDate" }.FirstOrDefault(f => description.Field(f) is not null);
}
