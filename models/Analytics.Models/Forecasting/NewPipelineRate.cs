namespace Analytics.Models.Forecasting;

/// <summary>
/// The new-pipeline allowance of one motion and time-left bucket: sourced ARR won in a quarter that, at a snapshot of
/// that quarter, was neither won yet nor open with sourced credit (deals created later, or credited later), relative to
/// the program's open sourced pipeline and the days then left, from the latest quarters whose outcomes are known. A
/// forecast adds rate × open sourced ARR (every motion) × days left: scaling by the pipeline lets the allowance grow
/// with the program instead of lagging a plain average of past quarters.
/// </summary>
/// <param name="Motion">The deal motion.</param>
/// <param name="TimeLeftBucket">The time-left bucket of the snapshots it was measured at.</param>
/// <param name="Snapshots">Snapshots measured (every snapshot of the quarters used, in this bucket).</param>
/// <param name="DaysLeft">Days left in the quarter, summed over those snapshots.</param>
/// <param name="PipelineArrDays">Σ over those snapshots of open sourced ARR (every motion) × days left: the exposure.</param>
/// <param name="NewArr">Sourced ARR won from outside each snapshot's pipeline, summed over those snapshots (may be
/// negative, e.g. when a blank motion is filled in later and the ARR moves to another motion).</param>
/// <param name="Rate"><paramref name="NewArr"/> / <paramref name="PipelineArrDays"/> (0 when no exposure).</param>
public sealed record NewPipelineRate(
    string Motion,
    int TimeLeftBucket,
    long Snapshots,
    long DaysLeft,
    double PipelineArrDays,
    double NewArr,
    double Rate);
