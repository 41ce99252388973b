namespace Analytics.Pipelines.Transforms;

/// <summary>What a failing data test does to the build.</summary>
public enum TestSeverity
{
    /// <summary>The model's dependants are not built and the build fails; the previous warehouse stays in place.</summary>
    Error,

    /// <summary>The failure is recorded in the catalog (with its failing rows); the build goes on.</summary>
    Warn,
}
