namespace Analytics.Pipelines.Transforms;

/// <summary>What happened to a model in a build.</summary>
public enum ModelStatus
{
    /// <summary>Materialised, and no error-severity test on it failed.</summary>
    Built,

    /// <summary>Its SQL failed, or an error-severity test on it failed.</summary>
    Failed,

    /// <summary>Not built because a model it depends on failed or was skipped.</summary>
    Skipped,
}
