namespace Analytics.Sources.Salesforce;

/// <summary>A mapped field path the org does not have, with the org's closest field names (edit distance), at most three.</summary>
/// <param name="Path">The mapped path, e.g. <c>Partner_Motion__c</c> or <c>Partner.Region__c</c>.</param>
/// <param name="Closest">The closest names on the object the path's last step is looked up on, best first.</param>
/// <param name="Reason">What is wrong (no such field, or no such relationship on the way).</param>
public sealed record MissingField(string Path, IReadOnlyList<string> Closest, string Reason);
