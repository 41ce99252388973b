namespace Analytics.Orchestration.Configuration;

/// <summary><c>runs:</c>, what every run of a job checks and whom it tells when it fails.</summary>
/// <param name="FreshnessMaxAgeHours">The newest landed snapshot may be at most this old when a run transforms; older fails the run.</param>
/// <param name="AlertTo">Operators emailed (through delivery:) when a run fails; empty: no alert emails.</param>
/// <param name="Kept">Run records kept in paths.runs (older ones are deleted); 0 keeps all.</param>
public sealed record RunsConfig(double FreshnessMaxAgeHours, IReadOnlyList<string> AlertTo, int Kept);
