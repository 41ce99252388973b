namespace Analytics.Sources.Demo;

/// <summary>One proof recorded for a partner.</summary>
internal sealed record ProofLife(string Id, string ProofType, DateTime RecordedAt);
