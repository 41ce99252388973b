namespace Analytics.Orchestration.Stages;

/// <summary>How far a stage's work has got.</summary>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all.</param>
/// <param name="Description">What it is doing now; null keeps the last description.</param>
public readonly record struct StageProgress(double Done, double Total, string? Description = null);
