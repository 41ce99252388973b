namespace Analytics.Models.Scoring;

/// <summary>What the model stage did with one model.</summary>
/// <param name="Model">stalled_deal, tier_readiness or pipeline_forecast.</param>
/// <param name="Version">The model file used.</param>
/// <param name="Kind">Its algorithm.</param>
/// <param name="Trained">Trained in this run (false: loaded from its file).</param>
/// <param name="RowsScored">Rows written to its scores table.</param>
/// <param name="IsThin">Trained on fewer outcomes than configured as enough.</param>
/// <param name="Metrics">Its headline metrics from the model file.</param>
/// <param name="File">The model file.</param>
/// <param name="SnapshotDate">The newest snapshot its training read.</param>
/// <param name="Training">The rows it was fitted on.</param>
/// <param name="Evaluation">The later rows it was evaluated on, or null.</param>
/// <param name="Notes">The model card's notes.</param>
/// <param name="Skipped">Why the model neither trained nor scored (too little history), or null when it scored.</param>
public sealed record ModelOutcome(string Model, string Version, string Kind, bool Trained, long RowsScored, bool IsThin,
    IReadOnlyDictionary<string, double> Metrics, string File, DateOnly SnapshotDate, DataWindow? Training, DataWindow? Evaluation,
    IReadOnlyList<string> Notes, string? Skipped = null)
{
    /// <summary>An outcome for a model that could not be trained and has no earlier file to score with.</summary>
    public static ModelOutcome Skip(string model, string reason) =>
        new(model, string.Empty, string.Empty, false, 0, false, new Dictionary<string, double>(), string.Empty, default, null, null, [], reason);
}
