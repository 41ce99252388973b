namespace Analytics.Pipelines.Crm;

/// <summary>A company in the partner program (DOMAIN.md, <c>partners</c>). Key: <see cref="PartnerId"/>.</summary>
/// <param name="PartnerId">The partner's id.</param>
/// <param name="Name">The partner company's name.</param>
/// <param name="PartnerType">How the partner takes part in deals: referral, reseller, marketplace, services or tech.</param>
/// <param name="Tier">The program tier: registered, select or elite.</param>
/// <param name="Region">The sales region the partner mainly covers.</param>
/// <param name="Vertical">The industry the partner specialises in.</param>
/// <param name="PartnerManagerEmail">The e-mail address of the partner manager who owns the relationship.</param>
/// <param name="JoinedAt">When the partner joined the program (UTC).</param>
/// <param name="Status">active or offboarded.</param>
/// <param name="OffboardedAt">When the partner left the program (UTC); null while active.</param>
public sealed record Partner(
    string PartnerId,
    string Name,
    string PartnerType,
    string Tier,
    string Region,
    string Vertical,
    string PartnerManagerEmail,
    DateTime JoinedAt,
    string Status,
    DateTime? OffboardedAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.Partners;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(PartnerId);
        writer.Text(Name);
        writer.Text(PartnerType);
        writer.Text(Tier);
        writer.Text(Region);
        writer.Text(Vertical);
        writer.Text(PartnerManagerEmail);
        writer.Timestamp(JoinedAt);
        writer.Text(Status);
        writer.Timestamp(OffboardedAt);
    }
}
