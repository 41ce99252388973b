namespace Analytics.Orchestration.Runs;

/// <summary>A run to execute: which job, why, for which date, and its steps in order (each runs only if all before it succeeded).</summary>
/// <param name="Job">main, nightly, weekly, quarterly or backfill.</param>
/// <param name="Trigger">manual (a command) or scheduled (a Hangfire firing, with its trigger's name).</param>
/// <param name="Date">The run's date.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record RunPlan(string Job, string Trigger, DateOnly Date, IReadOnlyList<PipelineStep> Steps);
