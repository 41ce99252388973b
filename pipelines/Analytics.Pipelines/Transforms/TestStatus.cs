namespace Analytics.Pipelines.Transforms;

/// <summary>What happened to a data test in a build.</summary>
public enum TestStatus
{
    /// <summary>No failing rows.</summary>
    Passed,

    /// <summary>Failing rows, severity warn: recorded, the build goes on.</summary>
    Warned,

    /// <summary>Failing rows (or the test query failed), severity error: dependants are skipped, the build fails.</summary>
    Failed,

    /// <summary>Not run because its model, or a model it reads, was not built.</summary>
    Skipped,
}
