namespace Analytics.Models.Scoring;

/// <summary>When the model stage retrains before it scores.</summary>
public enum ModelStageMode
{
    /// <summary>`analytics score`: score with the saved models; train only a model that has no file yet.</summary>
    Score,

    /// <summary>`analytics train`: retrain every model, then score with the new ones.</summary>
    Train,

    /// <summary>`analytics run`: retrain a model that is missing or trained on a snapshot older than models.retrain_after_days, then score.</summary>
    Auto,
}
