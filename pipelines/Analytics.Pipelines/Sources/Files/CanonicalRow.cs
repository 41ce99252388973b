namespace Analytics.Pipelines.Sources.Files;

/// <summary>One row a source has already mapped onto canonical column names, as texts, before any typing.</summary>
/// <param name="Line">Its position for quarantine records (1-based row number).</param>
/// <param name="Fields">Its texts, by position of the header passed to <see cref="CanonicalRowLoader.Load"/>; null = absent.</param>
/// <param name="Origin">Where it comes from (e.g. <c>Opportunity 006A000001</c>), appended to quarantine reasons; or null.</param>
public sealed record CanonicalRow(long Line, IReadOnlyList<string?> Fields, string? Origin);
