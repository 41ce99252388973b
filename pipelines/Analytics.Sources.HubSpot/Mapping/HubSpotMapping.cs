using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>
/// The canonical entities read from HubSpot: the default mapping of a portal set up for a partner program (compiled
/// in, <c>DefaultMapping.yaml</c>), with any entity pipeline.yaml's <c>source.hubspot.mapping.&lt;entity&gt;</c> maps
/// replacing that entity's default wholesale.
/// </summary>
/// <param name="Entities">Entity name → its mapping, one per canonical entity.</param>
public sealed record HubSpotMapping(IReadOnlyDictionary<string, HubSpotEntityMapping> Entities)
{
    private static readonly Lazy<HubSpotMapping> LazyDefault = new(LoadDefault);

    /// <summary>The default mapping.</summary>
    public static HubSpotMapping Default => LazyDefault.Value;

    /// <summary>The mapping of <paramref name="entity"/>.</summary>
    public HubSpotEntityMapping For(EntitySchema entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Entities[entity.Name];
    }

    /// <summary>Every source of every entity, in entity order.</summary>
    public IEnumerable<HubSpotObjectMapping> Sources => CrmSchema.Entities.SelectMany(e => Entities[e.Name].Sources);

    /// <summary>The property whose history is the stage history: the one the opportunities' stage column reads (dealstage).</summary>
    public string? StageProperty => Sources.SelectMany(s => s.Columns.Values).OfType<StageColumn>().Select(c => c.Property).FirstOrDefault();

    /// <summary>This mapping with the entities of <paramref name="overrides"/> replacing theirs.</summary>
    public HubSpotMapping With(IReadOnlyDictionary<string, HubSpotEntityMapping> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var entities = new Dictionary<string, HubSpotEntityMapping>(Entities, StringComparer.Ordinal);
        foreach (var (name, mapping) in overrides)
        {
            entities[name] = mapping;
        }

        return new HubSpotMapping(entities);
    }

    private static HubSpotMapping LoadDefault()
    {
        using var stream = typeof(HubSpotMapping).Assembly.GetManifestResourceStream("HubSpotDefaultMapping.yaml")
            ?? throw new InvalidOperationException("HubSpotDefaultMapping.yaml is not compiled into the assembly; this is a build bug.");
        using var reader = new StreamReader(stream);
        var section = YamlSection.Parse(reader.ReadToEnd(), "DefaultMapping.yaml (compiled in)", "source.hubspot.mapping");
        var entities = HubSpotMappingReader.ReadEntities(section);
        var missing = CrmSchema.Entities.Where(e => !entities.ContainsKey(e.Name)).Select(e => e.Name).ToList();
        return missing.Count == 0
            ? new HubSpotMapping(entities)
            : throw new InvalidOperationException($"DefaultMapping.yaml lacks {string.Join(", ", missing)}; this is a build bug.");
    }
}
