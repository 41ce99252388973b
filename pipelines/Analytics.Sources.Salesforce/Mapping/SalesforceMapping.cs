using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>
/// The canonical entities read from Salesforce: the default mapping of a standard PRM org (compiled in,
/// <c>DefaultMapping.yaml</c>), with any entity pipeline.yaml's <c>source.salesforce.mapping.&lt;entity&gt;</c> maps
/// replacing that entity's default wholesale.
/// </summary>
/// <param name="Entities">Entity name → its mapping, one per canonical entity.</param>
public sealed record SalesforceMapping(IReadOnlyDictionary<string, EntityMapping> Entities)
{
    private static readonly Lazy<SalesforceMapping> LazyDefault = new(LoadDefault);

    /// <summary>The default mapping of a standard Salesforce PRM org.</summary>
    public static SalesforceMapping Default => LazyDefault.Value;

    /// <summary>The mapping of <paramref name="entity"/>.</summary>
    public EntityMapping For(EntitySchema entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Entities[entity.Name];
    }

    /// <summary>Every sObject the mapping reads: mapped objects and lookup objects, each once, in entity order.</summary>
    public IReadOnlyList<string> Objects => Entities.Values
        .SelectMany(e => e.Sources.SelectMany(s => s.Lookups.Select(l => l.Object).Prepend(s.Object)))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>This mapping with the entities of <paramref name="overrides"/> replacing theirs.</summary>
    public SalesforceMapping With(IReadOnlyDictionary<string, EntityMapping> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var entities = new Dictionary<string, EntityMapping>(Entities, StringComparer.Ordinal);
        foreach (var (name, mapping) in overrides)
        {
            entities[name] = mapping;
        }

        return new SalesforceMapping(entities);
    }

    private static SalesforceMapping LoadDefault()
    {
        using var stream = typeof(SalesforceMapping).Assembly.GetManifestResourceStream("DefaultMapping.yaml")
            ?? throw new InvalidOperationException("DefaultMapping.yaml is not compiled into the assembly; this is a build bug.");
        using var reader = new StreamReader(stream);
        var section = YamlSection.Parse(reader.ReadToEnd(), "DefaultMapping.yaml (compiled in)", "source.salesforce.mapping");
        var entities = SalesforceMappingReader.ReadEntities(section);
        var missing = CrmSchema.Entities.Where(e => !entities.ContainsKey(e.Name)).Select(e => e.Name).ToList();
        return missing.Count == 0
            ? new SalesforceMapping(entities)
            : throw new InvalidOperationException($"DefaultMapping.yaml lacks {string.Join(", ", missing)}; this is a build bug.");
    }
}
