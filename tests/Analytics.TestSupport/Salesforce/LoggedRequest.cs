namespace Analytics.TestSupport.Salesforce;

/// <summary>One request the contract server answered.</summary>
/// <param name="Method">GET, POST, PATCH, DELETE.</param>
/// <param name="Path">The path, e.g. /services/data/v66.0/query.</param>
/// <param name="Query">The query string (with its '?'), or empty.</param>
/// <param name="Status">The status answered.</param>
public sealed record LoggedRequest(string Method, string Path, string Query, int Status);
