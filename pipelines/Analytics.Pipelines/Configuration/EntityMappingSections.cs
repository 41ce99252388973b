using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Configuration;

/// <summary>A CRM source's <c>mapping:</c> section: one key per canonical entity, each a list of the CRM objects it is read from.</summary>
public static class EntityMappingSections
{
    /// <summary>
    /// Reads every <c>&lt;entity&gt;:</c> key of <paramref name="section"/>: an unknown entity or an entity without a
    /// source is an error naming file, line and key; each source is read by <paramref name="readSource"/> and the
    /// entity's mapping made by <paramref name="create"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, TEntity> Read<TEntity, TSource>(YamlSection section,
        Func<YamlSection, EntitySchema, TSource> readSource, Func<string, IReadOnlyList<TSource>, TEntity> create)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(readSource);
        ArgumentNullException.ThrowIfNull(create);
        var entities = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var name in section.Keys.ToList())
        {
            var entity = CrmSchema.Entities.FirstOrDefault(e => e.Name == name)
                ?? throw section.Error(name, $"is not a canonical entity; allowed: {string.Join(", ", CrmSchema.Entities.Select(e => e.Name))}");
            var sources = section.Sections(name);
            if (sources.Count == 0)
            {
                throw section.Error(name, "needs at least one source ({ object: ..., columns: { ... } })");
            }

            entities[name] = create(name, sources.Select(s => readSource(s, entity)).ToList());
        }

        section.RejectUnknownKeys();
        return entities;
    }
}
