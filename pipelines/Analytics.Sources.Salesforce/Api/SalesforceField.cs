namespace Analytics.Sources.Salesforce.Api;

/// <summary>A field as the org describes it.</summary>
/// <param name="Name">The API name, e.g. "Amount" or "Attribution_Pct__c".</param>
/// <param name="Type">The Salesforce type in lower case: id, string, picklist, reference, datetime, date, double, currency, percent, int, boolean, …</param>
/// <param name="Nillable">Whether the field may be null.</param>
/// <param name="RelationshipName">For a reference field, the name its parent is reached by (OwnerId → "Owner"); else null.</param>
/// <param name="ReferenceTo">For a reference field, the object types it may point to; else empty.</param>
public sealed record SalesforceField(string Name, string Type, bool Nillable, string? RelationshipName, IReadOnlyList<string> ReferenceTo);
