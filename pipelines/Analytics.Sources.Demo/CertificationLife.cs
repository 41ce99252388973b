namespace Analytics.Sources.Demo;

/// <summary>One certification earned by one person (numbered 0-63 within the partner) at a partner.</summary>
internal sealed record CertificationLife(string Id, int Person, string PersonEmail, string Name, DateTime EarnedAt, DateTime ExpiresAt);
