using System.Security.Cryptography;
using System.Text;
using Analytics.Sources.Salesforce.Mapping;

namespace Analytics.Sources.Salesforce.Mirror;

/// <summary>
/// One mirrored query: an sObject with a filter (or none) and the field paths the mapping reads from it, Id first.
/// Its files are <c>&lt;Name&gt;.parquet</c> and <c>&lt;Name&gt;.state.json</c>.
/// </summary>
internal sealed record MirrorUnit(string Object, string? Where, IReadOnlyList<string> Paths)
{
    /// <summary>The file stem: the object, plus a hash of the filter when there is one (Lead has two record types).</summary>
    public string Name => Where is null
        ? Object
        : $"{Object}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Where)))[..8]}";

    /// <summary>The units the mapping reads: one per (object, filter), and one per lookup object, paths merged.</summary>
    public static IReadOnlyList<MirrorUnit> Plan(SalesforceMapping mapping)
    {
        var units = new List<(string Object, string? Where, List<string> Paths)>();
        void Add(string obj, string? where, IEnumerable<string> paths)
        {
            var index = units.FindIndex(u => string.Equals(u.Object, obj, StringComparison.OrdinalIgnoreCase) && u.Where == where);
            if (index < 0)
            {
                units.Add((obj, where, ["Id"]));
                index = units.Count - 1;
            }

            foreach (var path in paths.Where(p => !units[index].Paths.Contains(p, StringComparer.OrdinalIgnoreCase)))
            {
                units[index].Paths.Add(path);
            }
        }

        foreach (var entity in mapping.Entities.Values)
        {
            foreach (var source in entity.Sources)
            {
                Add(source.Object, source.Where, source.FieldPaths);
                foreach (var lookup in source.Lookups)
                {
                    Add(lookup.Object, null, lookup.ObjectPaths);
                }
            }
        }

        return units.Select(u => new MirrorUnit(u.Object, u.Where, u.Paths)).ToList();
    }

    /// <summary>The unit holding <paramref name="obj"/> with <paramref name="where"/>.</summary>
    public static MirrorUnit Find(IReadOnlyList<MirrorUnit> units, string obj, string? where) =>
        units.First(u => string.Equals(u.Object, obj, StringComparison.OrdinalIgnoreCase) && u.Where == where);
}
