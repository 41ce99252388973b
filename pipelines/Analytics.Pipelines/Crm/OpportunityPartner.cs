namespace Analytics.Pipelines.Crm;

/// <summary>
/// A partner's part in one opportunity (DOMAIN.md, <c>opportunity_partners</c>); an opportunity has zero or more.
/// Key: (<see cref="OpportunityId"/>, <see cref="PartnerId"/>, <see cref="Role"/>).
/// </summary>
/// <remarks>
/// Over the rows of one opportunity that share an <see cref="Attribution"/>, <see cref="AttributionPct"/> sums to
/// 100. Credited ARR of a row is <c>arr * attribution_pct / 100</c>.
/// </remarks>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="PartnerId">The partner.</param>
/// <param name="Role">The partner's motion in this deal: referral, reseller, marketplace, services or tech.</param>
/// <param name="Attribution">sourced or influenced; null when the seller left it blank (a hygiene finding).</param>
/// <param name="AttributionPct">The partner's share of the deal's credit within its attribution, 0-100; null with a null attribution.</param>
/// <param name="AddedAt">When the partner was added to the opportunity (UTC).</param>
public sealed record OpportunityPartner(
    string OpportunityId,
    string PartnerId,
    string Role,
    string? Attribution,
    decimal? AttributionPct,
    DateTime AddedAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.OpportunityPartners;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(OpportunityId);
        writer.Text(PartnerId);
        writer.Text(Role);
        writer.Text(Attribution);
        writer.Decimal(AttributionPct);
        writer.Timestamp(AddedAt);
    }
}
