namespace Analytics.Pipelines.Configuration;

/// <summary><c>extract:</c>.</summary>
/// <param name="QuarantineThreshold">Largest share (0-1) of an entity's rows that may be quarantined before the extract fails.</param>
/// <param name="MaxTextLength">Longest accepted text value, in characters; longer values are quarantined.</param>
public sealed record ExtractConfig(double QuarantineThreshold, int MaxTextLength);
