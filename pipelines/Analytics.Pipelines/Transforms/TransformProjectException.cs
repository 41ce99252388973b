namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The transforms folder is inconsistent: a model without YAML, YAML for a missing model, an unknown reference,
/// a reference cycle, a malformed test. The message names the file (and line where there is one).
/// </summary>
public sealed class TransformProjectException(string message) : Exception(message);
