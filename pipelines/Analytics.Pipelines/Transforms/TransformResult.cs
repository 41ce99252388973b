namespace Analytics.Pipelines.Transforms;

/// <summary>The result of one transform run.</summary>
/// <param name="RunId">The run's id (also in catalog.builds).</param>
/// <param name="SnapshotDate">The lake snapshot the warehouse was built from.</param>
/// <param name="RequestedAsOf">The --as-of date asked for, if any.</param>
/// <param name="StartedAt">Start (UTC).</param>
/// <param name="FinishedAt">End (UTC).</param>
/// <param name="WarehousePath">The warehouse file (replaced only when the build succeeded).</param>
/// <param name="FailedBuildPath">Where a failed build was kept for inspection; null on success.</param>
/// <param name="Models">Every model, in build order.</param>
/// <param name="Tests">Every data test, in run order.</param>
public sealed record TransformResult(
    string RunId,
    DateOnly SnapshotDate,
    DateOnly? RequestedAsOf,
    DateTime StartedAt,
    DateTime FinishedAt,
    string WarehousePath,
    string? FailedBuildPath,
    IReadOnlyList<ModelOutcome> Models,
    IReadOnlyList<TestOutcome> Tests)
{
    /// <summary>True when every model was built and no error-severity test failed: the warehouse was replaced.</summary>
    public bool Succeeded => FailedBuildPath is null;

    /// <summary>The tests that failed the build.</summary>
    public IEnumerable<TestOutcome> FailedTests => Tests.Where(t => t.Status == TestStatus.Failed);

    /// <summary>The models whose SQL failed or whose error tests failed.</summary>
    public IEnumerable<ModelOutcome> FailedModels => Models.Where(m => m.Status == ModelStatus.Failed);
}
