namespace Analytics.Sources.Salesforce.Api;

/// <summary>An sObject type as the org describes it (<c>sobjects/{X}/describe</c>).</summary>
/// <param name="Name">The object's API name.</param>
/// <param name="Queryable">Whether SOQL can read it.</param>
/// <param name="Fields">Its fields.</param>
public sealed record SObjectDescription(string Name, bool Queryable, IReadOnlyList<SalesforceField> Fields)
{
    /// <summary>The field named <paramref name="name"/> (case-insensitive, as SOQL is), or null.</summary>
    public SalesforceField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
