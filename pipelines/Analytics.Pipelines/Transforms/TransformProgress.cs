namespace Analytics.Pipelines.Transforms;

/// <summary>Progress of a build: <paramref name="Done"/> of <paramref name="Total"/> models, and what is happening now.</summary>
public sealed record TransformProgress(int Done, int Total, string Message);
