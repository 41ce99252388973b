using Analytics.Sources.Salesforce.Api;

namespace Analytics.Sources.Salesforce.Mirror;

/// <summary>A field path resolved against the org: its field (and the object it is on), or why it is missing.</summary>
internal sealed record PathResolution(string Path, SalesforceField? Field, string? OnObject, IReadOnlyList<string> Closest, string? Problem)
{
    public static PathResolution Found(string path, SalesforceField field, string onObject) => new(path, field, onObject, [], null);

    public static PathResolution Missing(string path, IReadOnlyList<string> closest, string problem) => new(path, null, null, closest, problem);
}
