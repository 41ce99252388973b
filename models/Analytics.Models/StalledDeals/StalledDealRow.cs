namespace Analytics.Models.StalledDeals;

/// <summary>
/// One open partner opportunity as it stood at the end of one snapshot day, with what the stalled-deal model reads
/// (StalledDealRows.sql) and, once a snapshot far enough after it exists, whether it stalled.
/// </summary>
/// <param name="SnapshotDate">The snapshot the row was computed from (and only from).</param>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="PartnerId">The primary partner (sourced first, then the largest attribution); null when only the motion marks it a partner deal.</param>
/// <param name="Motion">The recorded motion, 'unspecified' when blank.</param>
/// <param name="OpportunityType">new_business, renewal or expansion.</param>
/// <param name="StageIndex">Open stage 1-5.</param>
/// <param name="Arr">The opportunity's ARR.</param>
/// <param name="StageAgeDays">Days since it entered its current stage.</param>
/// <param name="MotionMedianStageDays">The motion's median days in that stage over intervals completed by the snapshot (any motion when the motion has none); null when none at all.</param>
/// <param name="ActivityAgeDays">Days since the last activity (since creation when none).</param>
/// <param name="NextStepAgeDays">Days since the next step was last written (since creation when never).</param>
/// <param name="Activities14d">Activities in the 14 days before the cut-off.</param>
/// <param name="PartnerTier">The primary partner's tier, 'unknown' when no partner row.</param>
/// <param name="CertifiedPeople">The primary partner's people with an unexpired certification at the cut-off.</param>
/// <param name="PartnerWonDeals">New-business deals the partner was on that closed won by the snapshot.</param>
/// <param name="PartnerClosedDeals">New-business deals the partner was on that closed by the snapshot.</param>
/// <param name="ProgramWinRate">All partners' new-business win rate by the snapshot (the prior of a partner's rate).</param>
/// <param name="HasRegistration">A deal registration is linked.</param>
/// <param name="ProtectionDaysLeft">Days from the snapshot to the registration's protection end (negative once passed); null when none.</param>
/// <param name="ConflictStatus">none, risk or active.</param>
/// <param name="PartnerCount">Partner rows on the opportunity.</param>
/// <param name="DealAgeDays">Days since the opportunity was created.</param>
/// <param name="DaysToCloseDate">Days from the snapshot to the expected close date (negative once passed).</param>
/// <param name="DaysToQuarterEnd">Days from the snapshot to the end of its fiscal quarter (exclusive end).</param>
/// <param name="OwnerQuietShare">Share of the owner's other open partner deals with no activity for more than 14 days (0 when none).</param>
/// <param name="LabelSnapshotDate">The later snapshot the label was read from; null when none exists yet.</param>
/// <param name="IsStalled">Neither advanced a stage nor closed won within the horizon; null when not observable yet.</param>
public sealed record StalledDealRow(
    DateOnly SnapshotDate,
    string OpportunityId,
    string? PartnerId,
    string Motion,
    string OpportunityType,
    int StageIndex,
    double Arr,
    double StageAgeDays,
    double? MotionMedianStageDays,
    double ActivityAgeDays,
    double NextStepAgeDays,
    int Activities14d,
    string PartnerTier,
    int CertifiedPeople,
    int PartnerWonDeals,
    int PartnerClosedDeals,
    double ProgramWinRate,
    bool HasRegistration,
    int? ProtectionDaysLeft,
    string ConflictStatus,
    int PartnerCount,
    double DealAgeDays,
    int DaysToCloseDate,
    int DaysToQuarterEnd,
    double OwnerQuietShare,
    DateOnly? LabelSnapshotDate,
    bool? IsStalled);
