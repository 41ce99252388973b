namespace Analytics.Pipelines.Transforms;

/// <summary>
/// A transform could not start or finish for a reason outside the models (no landed snapshot, a missing lake file,
/// another transform holding the warehouse lock). Failed models and tests are not exceptions: they are in the
/// <see cref="TransformResult"/>.
/// </summary>
public sealed class TransformRunException(string message) : Exception(message);
