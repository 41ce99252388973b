namespace Analytics.Sources.Salesforce.Api;

/// <summary>One record the <c>deleted</c> resource lists.</summary>
/// <param name="Id">The record's Id.</param>
/// <param name="DeletedDate">When it was deleted.</param>
public sealed record DeletedRecord(string Id, DateTimeOffset DeletedDate);
