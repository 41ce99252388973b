namespace Analytics.Sources.HubSpot.Api;

/// <summary>One CRM record as HubSpot sends it: its id, property values (all strings or null) and, when asked, one property's history.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Properties">Property name → value, as sent.</param>
/// <param name="History">The history of the property asked for with <c>propertiesWithHistory</c>, newest first as HubSpot sends it; empty otherwise.</param>
/// <param name="ArchivedAt">When it was archived (an <c>archived=true</c> read), else null.</param>
public sealed record HubSpotRecord(string Id, IReadOnlyDictionary<string, string?> Properties, IReadOnlyList<PropertyVersion> History, string? ArchivedAt);

/// <summary>One value of a property's history (<c>ValueWithTimestamp</c>).</summary>
/// <param name="Value">The value it took.</param>
/// <param name="Timestamp">When, as sent (ISO 8601).</param>
public sealed record PropertyVersion(string? Value, string Timestamp);

/// <summary>One association of a record to another object's record, with one of its types (v4: a record pair may carry several labels).</summary>
/// <param name="FromId">The record read.</param>
/// <param name="ToId">The associated record.</param>
/// <param name="TypeId">The association type id (deal→company 341, primary 5, user-defined labels their own).</param>
/// <param name="Category">HUBSPOT_DEFINED, USER_DEFINED, INTEGRATOR_DEFINED or WORK.</param>
/// <param name="Label">The label, or null for an unlabelled type.</param>
public sealed record HubSpotAssociation(string FromId, string ToId, int TypeId, string Category, string? Label);

/// <summary>A deal pipeline and its stages (<c>GET /crm/v3/pipelines/deals</c>).</summary>
/// <param name="Id">The pipeline id (<c>default</c> for the first one).</param>
/// <param name="Label">Its label.</param>
/// <param name="Stages">Its stages in display order.</param>
public sealed record HubSpotPipeline(string Id, string Label, IReadOnlyList<HubSpotStage> Stages);

/// <summary>A stage of a pipeline.</summary>
/// <param name="Id">The stage id, the value of <c>dealstage</c>.</param>
/// <param name="Label">Its label.</param>
/// <param name="DisplayOrder">Its position in the pipeline.</param>
public sealed record HubSpotStage(string Id, string Label, int DisplayOrder);

/// <summary>A user who can own records (<c>GET /crm/v3/owners</c>): the id <c>hubspot_owner_id</c> holds, and the e-mail.</summary>
public sealed record HubSpotOwner(string Id, string? Email);

/// <summary>A property of an object type (<c>GET /crm/v3/properties/{objectType}</c>).</summary>
public sealed record HubSpotProperty(string Name, string Type);
