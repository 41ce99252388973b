namespace Analytics.TestSupport.HubSpot;

/// <summary>The records of one object type, in insertion order, with the properties ever set on them.</summary>
public sealed class PortalTable(string objectType)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public string ObjectType { get; } = objectType;

    internal Dictionary<string, PortalRecord> ById { get; } = new(StringComparer.Ordinal);

    internal List<PortalRecord> InOrder { get; } = [];

    /// <summary>The property names the table knows, in first-use order.</summary>
    public IReadOnlyList<string> PropertyNames => _names;

    /// <summary>Properties the properties API leaves out and reads ignore (a test's missing property).</summary>
    internal HashSet<string> Hidden { get; } = new(StringComparer.Ordinal);

    internal int IndexOf(string property, bool add)
    {
        if (_index.TryGetValue(property, out var index))
        {
            return index;
        }

        if (!add)
        {
            return -1;
        }

        _index[property] = _names.Count;
        _names.Add(property);
        return _names.Count - 1;
    }

    internal string? Get(PortalRecord record, string property)
    {
        if (Hidden.Contains(property))
        {
            return null;
        }

        var index = IndexOf(property, add: false);
        return index >= 0 && index < record.Values.Length ? record.Values[index] : null;
    }

    internal void Set(PortalRecord record, string property, string? value)
    {
        var index = IndexOf(property, add: true);
        if (index >= record.Values.Length)
        {
            var values = record.Values;
            Array.Resize(ref values, Math.Max(index + 1, _names.Count));
            record.Values = values;
        }

        record.Values[index] = value;
    }
}
