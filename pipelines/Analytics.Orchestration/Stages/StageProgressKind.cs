namespace Analytics.Orchestration.Stages;

/// <summary>Which progress bar a stage's work shows: what it counts and what estimate helps.</summary>
public enum StageProgressKind
{
    /// <summary>Snapshots landed, with the time remaining: a backfill takes minutes.</summary>
    Landing,

    /// <summary>Models built, with the time elapsed: the transform's steps differ too much in length to estimate.</summary>
    Building,

    /// <summary>PDFs rendered, with the time remaining; cleared when done, the outcome lines replace it.</summary>
    Rendering,
}
