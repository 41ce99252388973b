namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>One object type feeding a canonical entity (activities union meetings, calls, e-mails and notes).</summary>
/// <param name="Object">The object type as the API path takes it: <c>deals</c>, <c>companies</c>, <c>meetings</c>, a custom object's <c>p_certifications</c> or <c>2-1234567</c>.</param>
/// <param name="Where">Which records: all, or for companies only partners or only customers (source.hubspot.partners).</param>
/// <param name="Derived">Rows not of the object but derived from it: a deal's partner associations or its stage history; null for the object's own rows.</param>
/// <param name="Columns">Canonical column → where it comes from (empty for a derived source).</param>
/// <param name="Values">Canonical column → HubSpot value → canonical value; values not listed pass through unchanged.</param>
public sealed record HubSpotObjectMapping(
    string Object,
    CompanyFilter Where,
    DerivedRows? Derived,
    IReadOnlyDictionary<string, HubSpotColumn> Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values)
{
    /// <summary>Every property the columns read, each once, in column order.</summary>
    public IReadOnlyList<string> Properties => Columns.Values.SelectMany(c => c.Properties).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>Which companies a source reads.</summary>
public enum CompanyFilter
{
    /// <summary>Every record.</summary>
    All,

    /// <summary>Only partner companies.</summary>
    Partners,

    /// <summary>Only companies that are not partners (customers).</summary>
    Customers,
}

/// <summary>Rows derived from deals rather than read as records.</summary>
public enum DerivedRows
{
    /// <summary>opportunity_partners: the deal→company associations with a partner label (source.hubspot.attribution).</summary>
    PartnerAssociations,

    /// <summary>stage_history: the history of the stage property (propertiesWithHistory).</summary>
    StageHistory,
}
