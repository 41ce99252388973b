namespace Analytics.TestSupport.Salesforce;

/// <summary>
/// A field of an sObject type in the contract server's org. A <see cref="SFieldType.Reference"/> field names the type it
/// points to and its relationship name, so that <c>Owner.Email</c> reads through <c>OwnerId</c>.
/// </summary>
public sealed record SField(string Name, SFieldType Type, string? ReferenceTo = null, string? RelationshipName = null);
