namespace Analytics.Pipelines.Transforms;

/// <summary>One model's result in a build.</summary>
/// <param name="Model">The model.</param>
/// <param name="Status">Built, failed or skipped.</param>
/// <param name="Rows">Rows in the table (null for views and models not built).</param>
/// <param name="Milliseconds">Time to materialise it.</param>
/// <param name="Error">DuckDB's message when the SQL failed, or which test failed; why it was skipped.</param>
public sealed record ModelOutcome(ModelDefinition Model, ModelStatus Status, long? Rows, long Milliseconds, string? Error);
