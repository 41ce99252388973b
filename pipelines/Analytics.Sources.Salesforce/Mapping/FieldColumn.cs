namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>A field of the object, or a field reached through relationships: <c>Amount</c>, <c>Owner.Email</c>, <c>Partner.Owner.Email</c>.</summary>
/// <param name="Path">The dotted path, each step a relationship name and the last one a field.</param>
public sealed record FieldColumn(string Path) : ColumnMapping
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => [Path];

    /// <summary>The relationship prefixes of the path: <c>Partner.Owner.Email</c> → <c>Partner</c>, <c>Partner.Owner</c>.</summary>
    public IEnumerable<string> RelationshipPrefixes
    {
        get
        {
            var parts = Path.Split('.');
            for (var i = 1; i < parts.Length; i++)
            {
                yield return string.Join('.', parts[..i]);
            }
        }
    }
}
