using Analytics.Orchestration.Runs;

namespace Analytics.Orchestration.Jobs;

/// <summary>
/// The pipeline's stages as steps of a run. <see cref="Stages.PipelineStages"/> implements them over the real stages
/// (extract, transform, models, reports, delivery), telling a console what they do; the scheduler and <c>analytics run</c> compose them into jobs
/// with <see cref="JobCatalog"/>. Each returns what it did or throws <see cref="StepFailedException"/>.
/// </summary>
public interface IPipelineStages
{
    /// <summary>Lands backfill.months of history when the lake is empty; otherwise does nothing.</summary>
    Task<StepResult> BackfillIfEmptyAsync(StepContext context, CancellationToken ct);

    /// <summary>Lands every date of <paramref name="dates"/> (an explicit backfill).</summary>
    Task<StepResult> LandAsync(StepContext context, IReadOnlyList<DateOnly> dates, CancellationToken ct);

    /// <summary>Lands the snapshot of the run's date.</summary>
    Task<StepResult> ExtractAsync(StepContext context, CancellationToken ct);

    /// <summary>Fails when the newest landed snapshot is older than runs.freshness_max_age_hours.</summary>
    Task<StepResult> FreshnessAsync(StepContext context, CancellationToken ct);

    /// <summary>
    /// Rebuilds the warehouse (the build takes the run's id): from the snapshot of the run's date with
    /// <paramref name="fromRunDate"/> (the extract step landed it), otherwise from the newest snapshot (a backfill).
    /// </summary>
    Task<StepResult> TransformAsync(StepContext context, bool fromRunDate, CancellationToken ct);

    /// <summary>Scores the warehouse, retraining models that are missing or stale.</summary>
    Task<StepResult> ScoreAsync(StepContext context, CancellationToken ct);

    /// <summary>Builds the QBR packs of the last closed quarter unless they exist.</summary>
    Task<StepResult> QbrAsync(StepContext context, CancellationToken ct);

    /// <summary>Sends the week's scorecard emails not sent yet; with <paramref name="onlyWhenDue"/>, only from delivery.weekly_day on.</summary>
    Task<StepResult> WeeklyEmailsAsync(StepContext context, bool onlyWhenDue, CancellationToken ct);
}
