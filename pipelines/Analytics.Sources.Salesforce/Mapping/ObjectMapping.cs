namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>One sObject feeding a canonical entity (an entity may union several, e.g. activities from Task and Event).</summary>
/// <param name="Object">The sObject's API name, e.g. <c>Opportunity</c>, <c>Partner_Attribution__c</c>.</param>
/// <param name="Where">A SOQL condition selecting its rows (e.g. a record type), or null for all.</param>
/// <param name="Columns">Canonical column → where it comes from. May hold <c>motion</c> for an entity without that column, used only to derive stage_index.</param>
/// <param name="Values">Canonical column → Salesforce value → canonical value; values not listed pass through unchanged.</param>
public sealed record ObjectMapping(
    string Object,
    string? Where,
    IReadOnlyDictionary<string, ColumnMapping> Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values)
{
    /// <summary>Every field path of <see cref="Object"/> the columns read, each once, in column order.</summary>
    public IReadOnlyList<string> FieldPaths => Columns.Values.SelectMany(c => c.Paths).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The lookups of other objects the columns use.</summary>
    public IReadOnlyList<LookupColumn> Lookups => Columns.Values.OfType<LookupColumn>().ToList();
}
