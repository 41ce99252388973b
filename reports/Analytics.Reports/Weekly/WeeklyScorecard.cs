namespace Analytics.Reports.Weekly;

/// <summary>
/// What one partner manager's Monday email says, about that manager's partners only. Built from the warehouse
/// (WeeklyScorecardReader); rendered as HTML, plain text and a PDF of one-page partner scorecards.
/// </summary>
/// <param name="ManagerEmail">The recipient: partners.partner_manager_email.</param>
/// <param name="Week">The week the email covers.</param>
/// <param name="SnapshotDate">The warehouse snapshot every figure comes from.</param>
/// <param name="RunId">The transform run that built that warehouse (catalog.builds).</param>
/// <param name="Partners">The manager's active partners, by name.</param>
/// <param name="NewRegistrations">Deal registrations of those partners submitted during the week (to the snapshot).</param>
/// <param name="PendingDecisions">Their registrations still awaiting a decision at the snapshot, oldest first.</param>
/// <param name="ExpiringProtections">Protections ending within the next 7 days, soonest first (DOMAIN.md SLA: reminder 7 days before the end).</param>
/// <param name="StalledDeals">Their scored open deals with the largest ARR at risk (ARR x stall probability), largest first.</param>
/// <param name="SourcedPipelineArr">Sourced pipeline ARR of all the manager's partners at the snapshot (marts.manager_pipeline).</param>
/// <param name="SourcedPipelineArrWeekAgo">The same a week before the snapshot (null when the lake has no snapshot that old).</param>
/// <param name="StalledDealsScored">Per partner id, how many of its open deals carry a stalled-deal score
/// (<paramref name="StalledDeals"/> lists the highest of them); null: as many as listed.</param>
public sealed record WeeklyScorecard(
    string ManagerEmail,
    IsoWeek Week,
    DateOnly SnapshotDate,
    string RunId,
    IReadOnlyList<ScorecardPartner> Partners,
    IReadOnlyList<RegistrationItem> NewRegistrations,
    IReadOnlyList<RegistrationItem> PendingDecisions,
    IReadOnlyList<ExpiringProtectionItem> ExpiringProtections,
    IReadOnlyList<StalledDealItem> StalledDeals,
    double SourcedPipelineArr,
    double? SourcedPipelineArrWeekAgo,
    IReadOnlyDictionary<string, int>? StalledDealsScored = null)
{
    /// <summary>How many open deals of the manager's partners carry a stalled-deal score; <see cref="StalledDeals"/> lists the highest.</summary>
    public int StalledDealsScoredTotal => StalledDealsScored?.Values.Sum() ?? StalledDeals.Count;

    /// <summary>How many open deals of <paramref name="partnerId"/> carry a stalled-deal score.</summary>
    public int StalledDealsScoredOf(string partnerId) =>
        StalledDealsScored?.GetValueOrDefault(partnerId) ?? StalledDeals.Count(d => d.PartnerId == partnerId);

    /// <summary>A stalled-deal score at or above this is an action for the week.</summary>
    public const int StalledActionScore = 70;

    /// <summary>The deals at risk the email itself lists (the first of <see cref="StalledDeals"/>); the rest are in the PDF.</summary>
    public const int StalledDealsInEmail = 5;

    /// <summary>The changed deals the email itself lists; the rest are on the PDF's last page.</summary>
    public const int ChangedDealsInEmail = 6;

    /// <summary>Links from deal and partner names to their CRM records (none unless configured or defaulted).</summary>
    public CrmLinks Links { get; init; } = CrmLinks.None;

    /// <summary>What changed on the manager's partners' deals since the previous week's snapshot.</summary>
    public WeeklyChanges Changes { get; init; } = WeeklyChanges.None;

    /// <summary>The deals at risk the email lists: the <see cref="StalledDealsInEmail"/> largest ARR at risk.</summary>
    public IReadOnlyList<StalledDealItem> EmailedStalledDeals => [.. StalledDeals.Take(StalledDealsInEmail)];

    /// <summary>Things the manager should act on this week: every pending registration decision, every protection
    /// expiring within 7 days, every deal the email lists (<see cref="EmailedStalledDeals"/>) scoring
    /// <see cref="StalledActionScore"/> or more.</summary>
    public int ActionCount => PendingDecisions.Count + ExpiringProtections.Count + EmailedStalledDeals.Count(d => d.Score >= StalledActionScore);
}

/// <summary>One of the manager's partners: tier position and sourced pipeline.</summary>
/// <param name="PartnerId">partners.partner_id.</param>
/// <param name="Name">partners.name.</param>
/// <param name="PartnerType">referral, reseller, marketplace, services, tech.</param>
/// <param name="Tier">The current tier.</param>
/// <param name="NextTier">The tier above, or null at the top tier (the criteria are then those of keeping it).</param>
/// <param name="Recommendation">The last completed review's recommendation (upgrade, hold, grace, downgrade).</param>
/// <param name="Readiness">Probability (0-1) of meeting the next tier at the next review (scores.tier_readiness), if scored.</param>
/// <param name="Criteria">Progress on each criterion of <paramref name="NextTier"/> (or of the current tier at the top).</param>
/// <param name="SourcedPipelineArr">Credited ARR of open opportunities this partner sourced, at the snapshot.</param>
/// <param name="SourcedPipelineArrWeekAgo">The same 7 days earlier, from the lake's snapshot of that day (null when absent).</param>
/// <param name="OpenDeals">Open opportunities the partner is on.</param>
public sealed record ScorecardPartner(
    string PartnerId,
    string Name,
    string PartnerType,
    string Tier,
    string? NextTier,
    string? Recommendation,
    double? Readiness,
    IReadOnlyList<CriterionProgress> Criteria,
    double SourcedPipelineArr,
    double? SourcedPipelineArrWeekAgo,
    int OpenDeals);

/// <summary>Progress on one tier criterion (marts.tier_checklist).</summary>
/// <param name="Criterion">The criterion key, e.g. rolling_4q_credited_arr.</param>
/// <param name="Label">Its words, e.g. "Credited ARR, last 4 quarters".</param>
/// <param name="Value">The partner's value (null when not measured).</param>
/// <param name="Threshold">The tier's threshold.</param>
/// <param name="Progress">Value / threshold, clamped to 0-1.</param>
/// <param name="IsMet">Value at or above the threshold.</param>
/// <param name="ValueText">The value formatted for people ("$412K", "3.9", "2 people").</param>
/// <param name="ThresholdText">The threshold formatted the same way.</param>
public sealed record CriterionProgress(
    string Criterion,
    string Label,
    double? Value,
    double Threshold,
    double Progress,
    bool IsMet,
    string ValueText,
    string ThresholdText);

/// <summary>A deal registration (marts.recent_registrations).</summary>
/// <param name="RegistrationId">deal_registrations.registration_id.</param>
/// <param name="PartnerId">The registering partner.</param>
/// <param name="PartnerName">Its name.</param>
/// <param name="CompanyName">The registered company.</param>
/// <param name="SubmittedAt">When it was submitted (UTC).</param>
/// <param name="Status">pending, approved, declined, expired, converted.</param>
/// <param name="AgeHours">Hours from submission to the decision, or to the snapshot while undecided.</param>
/// <param name="IsOverdue">Undecided past the 48-hour decision SLA, or decided after it.</param>
public sealed record RegistrationItem(
    string RegistrationId,
    string PartnerId,
    string PartnerName,
    string CompanyName,
    DateTime SubmittedAt,
    string Status,
    double AgeHours,
    bool IsOverdue)
{
    /// <summary>Submitted on or after the Monday of the snapshot's ISO week (marts.recent_registrations.is_submitted_this_week).</summary>
    public bool IsSubmittedThisWeek { get; init; }
}

/// <summary>A registration protection that ends soon (marts.expiring_protections).</summary>
/// <param name="RegistrationId">deal_registrations.registration_id.</param>
/// <param name="PartnerId">The protected partner.</param>
/// <param name="PartnerName">Its name.</param>
/// <param name="CompanyName">The protected company.</param>
/// <param name="ProtectionEnd">The last protected day.</param>
/// <param name="DaysLeft">Days from the snapshot to <paramref name="ProtectionEnd"/>.</param>
public sealed record ExpiringProtectionItem(
    string RegistrationId,
    string PartnerId,
    string PartnerName,
    string CompanyName,
    DateOnly ProtectionEnd,
    int DaysLeft);

/// <summary>An open partner deal with its stalled-deal score (scores.stalled_deals).</summary>
/// <param name="OpportunityId">opportunities.opportunity_id.</param>
/// <param name="OpportunityName">opportunities.name.</param>
/// <param name="PartnerId">The partner whose deal it is.</param>
/// <param name="PartnerName">Its name.</param>
/// <param name="Stage">The current stage.</param>
/// <param name="Arr">The deal's ARR.</param>
/// <param name="Score">0-100: probability of not advancing or winning within 30 days.</param>
/// <param name="Reasons">The three strongest reasons, in words.</param>
public sealed record StalledDealItem(
    string OpportunityId,
    string OpportunityName,
    string PartnerId,
    string PartnerName,
    string Stage,
    double Arr,
    int Score,
    IReadOnlyList<string> Reasons)
{
    /// <summary>ARR at risk: the deal's ARR times its stall probability (score / 100), computed in SQL; what the weekly
    /// email ranks deals by.</summary>
    public double ArrAtRisk { get; init; }
}
