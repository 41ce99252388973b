namespace Analytics.Pipelines.Crm;

/// <summary>
/// A partner's claim on a deal, decided by the vendor (DOMAIN.md, <c>deal_registrations</c>).
/// Key: <see cref="RegistrationId"/>.
/// </summary>
/// <remarks>
/// Life: <c>pending</c> until decided; then <c>approved</c> (with a protection window) or <c>declined</c> (with a
/// reason); an approved registration becomes <c>converted</c> when an opportunity is created from it, or
/// <c>expired</c> when its protection ends first.
/// </remarks>
/// <param name="RegistrationId">The registration's id.</param>
/// <param name="PartnerId">The registering partner.</param>
/// <param name="AccountId">The matching account; null when the company is not (yet) an account.</param>
/// <param name="CompanyName">The company name as the partner entered it.</param>
/// <param name="CompanyDomain">The company's web domain as the partner entered it.</param>
/// <param name="OpportunityId">The opportunity created from the registration; null until converted.</param>
/// <param name="SubmittedAt">When the partner submitted it (UTC).</param>
/// <param name="DecidedAt">When the vendor approved or declined it (UTC); null while pending.</param>
/// <param name="Status">pending, approved, declined, expired or converted.</param>
/// <param name="DeclineReason">duplicate, not_qualified, active_cycle, conflict or other; null unless declined.</param>
/// <param name="ProtectionStart">The first day of the protection window; null unless approved.</param>
/// <param name="ProtectionEnd">The last day of the protection window, extensions included; null unless approved.</param>
/// <param name="ExtensionCount">How many times the protection window was extended.</param>
public sealed record DealRegistration(
    string RegistrationId,
    string PartnerId,
    string? AccountId,
    string CompanyName,
    string CompanyDomain,
    string? OpportunityId,
    DateTime SubmittedAt,
    DateTime? DecidedAt,
    string Status,
    string? DeclineReason,
    DateOnly? ProtectionStart,
    DateOnly? ProtectionEnd,
    int ExtensionCount) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.DealRegistrations;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(RegistrationId);
        writer.Text(PartnerId);
        writer.Text(AccountId);
        writer.Text(CompanyName);
        writer.Text(CompanyDomain);
        writer.Text(OpportunityId);
        writer.Timestamp(SubmittedAt);
        writer.Timestamp(DecidedAt);
        writer.Text(Status);
        writer.Text(DeclineReason);
        writer.Date(ProtectionStart);
        writer.Date(ProtectionEnd);
        writer.Integer(ExtensionCount);
    }
}
