namespace Analytics.Pipelines.Crm;

/// <summary>
/// A deal (DOMAIN.md, <c>opportunities</c>). Key: <see cref="OpportunityId"/>.
/// </summary>
/// <remarks>
/// Stage encoding: an open opportunity is in one of its motion's five stages (<see cref="MotionStages.For"/>) with
/// <see cref="StageIndex"/> 1 to 5, <see cref="IsClosed"/> and <see cref="IsWon"/> false and <see cref="ClosedAt"/>
/// null. A closed opportunity has <see cref="Stage"/> <c>closed_won</c> with <see cref="StageIndex"/> 6 and
/// <see cref="IsWon"/> true, or <c>closed_lost</c> with <see cref="StageIndex"/> 0 and <see cref="IsWon"/> false;
/// <see cref="ClosedAt"/> is set and <see cref="CloseDate"/> is the date of <see cref="ClosedAt"/>. A stage_index
/// therefore orders progress: lost &lt; every open stage &lt; won.
/// </remarks>
/// <param name="OpportunityId">The opportunity's id.</param>
/// <param name="AccountId">The account the deal is with.</param>
/// <param name="Name">The opportunity's name.</param>
/// <param name="OpportunityType">new_business, renewal or expansion.</param>
/// <param name="Motion">
/// direct or a partner motion (referral, reseller, marketplace, services, tech); null when the seller left it blank,
/// which the hygiene report flags.
/// </param>
/// <param name="Stage">The current stage name (see remarks).</param>
/// <param name="StageIndex">The current stage's position: 1-5 open, 6 closed_won, 0 closed_lost.</param>
/// <param name="IsClosed">True once won or lost.</param>
/// <param name="IsWon">True when closed won.</param>
/// <param name="Arr">Annual recurring revenue of the deal in the reporting currency, two decimals.</param>
/// <param name="CreatedAt">When the opportunity was created (UTC).</param>
/// <param name="CloseDate">The expected close date while open; the actual close date once closed.</param>
/// <param name="ClosedAt">When the opportunity was closed (UTC); null while open.</param>
/// <param name="OwnerEmail">The e-mail address of the seller who owns the deal.</param>
/// <param name="NextStep">The seller's note on the next step; null when none was ever written.</param>
/// <param name="NextStepUpdatedAt">When <see cref="NextStep"/> was last written (UTC).</param>
/// <param name="LastActivityAt">When the latest activity on the deal occurred (UTC); null when none.</param>
/// <param name="DealRegistrationId">The deal registration the opportunity was created from, if any.</param>
/// <param name="ConflictStatus">none, risk (an overlap exists) or active (an open conflict names the deal).</param>
/// <param name="LostReason">Why the deal was lost; null unless closed lost.</param>
public sealed record Opportunity(
    string OpportunityId,
    string AccountId,
    string Name,
    string OpportunityType,
    string? Motion,
    string Stage,
    int StageIndex,
    bool IsClosed,
    bool IsWon,
    decimal Arr,
    DateTime CreatedAt,
    DateOnly CloseDate,
    DateTime? ClosedAt,
    string OwnerEmail,
    string? NextStep,
    DateTime? NextStepUpdatedAt,
    DateTime? LastActivityAt,
    string? DealRegistrationId,
    string ConflictStatus,
    string? LostReason) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.Opportunities;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(OpportunityId);
        writer.Text(AccountId);
        writer.Text(Name);
        writer.Text(OpportunityType);
        writer.Text(Motion);
        writer.Text(Stage);
        writer.Integer(StageIndex);
        writer.Boolean(IsClosed);
        writer.Boolean(IsWon);
        writer.Decimal(Arr);
        writer.Timestamp(CreatedAt);
        writer.Date(CloseDate);
        writer.Timestamp(ClosedAt);
        writer.Text(OwnerEmail);
        writer.Text(NextStep);
        writer.Timestamp(NextStepUpdatedAt);
        writer.Timestamp(LastActivityAt);
        writer.Text(DealRegistrationId);
        writer.Text(ConflictStatus);
        writer.Text(LostReason);
    }
}
