namespace Analytics.TestSupport.Salesforce.Soql;

/// <summary>
/// A field or relationship path bound to the org: the reference hops (each a reference field's index and the parent
/// table), then the field. <c>Partner.Owner.Email</c> on ChannelProgramMember: PartnerId → Account, OwnerId → User, Email.
/// </summary>
internal sealed class SoqlPath
{
    private readonly (int Field, SObjectTable Parent)[] _hops;

    private SoqlPath(string text, (int, SObjectTable)[] hops, SObjectTable owner, SField field, int index)
    {
        Text = text;
        _hops = hops;
        Owner = owner;
        Field = field;
        FieldIndex = index;
    }

    /// <summary>The path as written in the query.</summary>
    public string Text { get; }

    /// <summary>The table the final field belongs to.</summary>
    public SObjectTable Owner { get; }

    public SField Field { get; }

    public int FieldIndex { get; }

    /// <summary>The relationship names of the hops, in order ("Partner", "Owner"), as the org spells them.</summary>
    public IReadOnlyList<string> Relationships { get; private init; } = [];

    public static SoqlPath Bind(SalesforceOrg org, SObjectTable table, string path, Func<string, string, bool> hidden)
    {
        var parts = path.Split('.');
        var hops = new List<(int, SObjectTable)>();
        var relationships = new List<string>();
        var current = table;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var reference = current.Relationship(parts[i]);
            var parent = reference is null || hidden(current.Name, reference.Name) ? null : org.Find(reference.ReferenceTo!);
            if (reference is null || parent is null)
            {
                throw InvalidField(table.Name, parts[i], current.Name);
            }

            hops.Add((current.IndexOf(reference.Name), parent));
            relationships.Add(reference.RelationshipName!);
            current = parent;
        }

        var last = parts[^1];
        var field = current.Field(last);
        if (field is null || hidden(current.Name, field.Name))
        {
            throw InvalidField(table.Name, path, current.Name);
        }

        return new SoqlPath(path, [.. hops], current, field, current.IndexOf(field.Name)) { Relationships = relationships };
    }

    /// <summary>The value the path reads from <paramref name="row"/>; null when a reference on the way is null. Callers hold the org's lock.</summary>
    public object? Read(object?[] row)
    {
        var current = row;
        foreach (var (field, parent) in _hops)
        {
            if (current[field] is not string id || parent.Row(id) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current[FieldIndex];
    }

    private static SoqlException InvalidField(string entity, string path, string owner)
    {
        // Salesforce names the bare field; the whole path is kept here so a relationship path's mistake is findable.
        return new SoqlException("INVALID_FIELD", $"No such column '{path}' on entity '{owner}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names. (querying {entity})");
    }
}
