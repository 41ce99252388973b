namespace Analytics.Pipelines.Crm;

/// <summary>A lead a partner passes to the vendor (DOMAIN.md, <c>lead_registrations</c>). Key: <see cref="LeadId"/>.</summary>
/// <param name="LeadId">The lead's id.</param>
/// <param name="PartnerId">The registering partner.</param>
/// <param name="CompanyName">The company name as the partner entered it.</param>
/// <param name="CompanyDomain">The company's web domain as the partner entered it.</param>
/// <param name="SubmittedAt">When the partner submitted it (UTC).</param>
/// <param name="FirstResponseAt">When the vendor first responded (UTC); null until then.</param>
/// <param name="DecidedAt">When the vendor approved or declined it (UTC); null while pending.</param>
/// <param name="Status">pending, approved or declined.</param>
/// <param name="FirstMeetingAt">When the first meeting with the company took place (UTC); null until then.</param>
/// <param name="ConvertedOpportunityId">The opportunity created from the lead; null until converted.</param>
public sealed record LeadRegistration(
    string LeadId,
    string PartnerId,
    string CompanyName,
    string CompanyDomain,
    DateTime SubmittedAt,
    DateTime? FirstResponseAt,
    DateTime? DecidedAt,
    string Status,
    DateTime? FirstMeetingAt,
    string? ConvertedOpportunityId) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.LeadRegistrations;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(LeadId);
        writer.Text(PartnerId);
        writer.Text(CompanyName);
        writer.Text(CompanyDomain);
        writer.Timestamp(SubmittedAt);
        writer.Timestamp(FirstResponseAt);
        writer.Timestamp(DecidedAt);
        writer.Text(Status);
        writer.Timestamp(FirstMeetingAt);
        writer.Text(ConvertedOpportunityId);
    }
}
