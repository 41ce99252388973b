using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Mapping;

namespace Analytics.Sources.HubSpot.Mirror;

/// <summary>
/// One mirrored object type: the properties the mapping reads from it (<c>hs_lastmodifieddate</c> always), the property
/// whose history it needs, and the object types whose associations it needs. Files: <c>&lt;object&gt;.parquet</c>,
/// <c>&lt;object&gt;.history.parquet</c>, <c>&lt;object&gt;.&lt;to&gt;.associations.parquet</c>, <c>&lt;object&gt;.state.json</c>.
/// </summary>
internal sealed record HubSpotMirrorUnit(string Object, IReadOnlyList<string> Properties, string? HistoryProperty, IReadOnlyList<string> Associations)
{
    /// <summary>The property every read orders and merges by.</summary>
    public const string Modified = "hs_lastmodifieddate";

    /// <summary>The units <paramref name="config"/>'s mapping reads, one per object type, in first-use order.</summary>
    public static IReadOnlyList<HubSpotMirrorUnit> Plan(HubSpotSourceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var order = new List<string>();
        var properties = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var associations = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var history = new Dictionary<string, string>(StringComparer.Ordinal);
        void Use(string obj, IEnumerable<string> props, IEnumerable<string> targets)
        {
            if (!properties.ContainsKey(obj))
            {
                order.Add(obj);
                properties[obj] = new SortedSet<string>(StringComparer.Ordinal) { Modified };
                associations[obj] = new SortedSet<string>(StringComparer.Ordinal);
            }

            properties[obj].UnionWith(props);
            associations[obj].UnionWith(targets);
        }

        foreach (var source in config.Mapping.Sources)
        {
            Use(source.Object, source.Properties, source.Columns.Values.OfType<AssociationColumn>().Select(a => a.ToType));
            if (source.Where != CompanyFilter.All)
            {
                if (config.Partners.Property is { } partnerProperty)
                {
                    Use(source.Object, [partnerProperty], []);
                }
                else
                {
                    Use("deals", [], ["companies"]);
                }
            }

            switch (source.Derived)
            {
                case DerivedRows.PartnerAssociations:
                    Use(source.Object, [config.Attribution.PctProperty, config.Attribution.AddedAtProperty], ["companies"]);
                    Use("companies", [config.Attribution.RoleProperty], []);
                    break;
                case DerivedRows.StageHistory:
                    var stage = config.Mapping.StageProperty ?? "dealstage";
                    Use(source.Object, [stage], []);
                    history[source.Object] = stage;
                    break;
            }
        }

        return order.Select(o => new HubSpotMirrorUnit(o, [.. properties[o]], history.GetValueOrDefault(o), [.. associations[o]])).ToList();
    }

    /// <summary>The unit of <paramref name="obj"/> in <paramref name="units"/>.</summary>
    public static HubSpotMirrorUnit Find(IReadOnlyList<HubSpotMirrorUnit> units, string obj) =>
        units.First(u => u.Object == obj);

    /// <summary>The history file in <paramref name="folder"/>.</summary>
    public string HistoryPath(string folder) => Path.Combine(folder, Object + ".history.parquet");

    /// <summary>The association file to <paramref name="toType"/> in <paramref name="folder"/>.</summary>
    public string AssociationsPath(string folder, string toType) => Path.Combine(folder, $"{Object}.{toType}.associations.parquet");
}
