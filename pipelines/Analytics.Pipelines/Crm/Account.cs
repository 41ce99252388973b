namespace Analytics.Pipelines.Crm;

/// <summary>A customer or prospect company (DOMAIN.md, <c>accounts</c>). Key: <see cref="AccountId"/>.</summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="Name">The company's name.</param>
/// <param name="Domain">The company's web domain, e.g. <c>brightforge.com</c>.</param>
/// <param name="Region">The sales region the account belongs to.</param>
/// <param name="Segment">smb, mid_market or enterprise.</param>
/// <param name="OwnerEmail">The e-mail address of the account owner (a seller).</param>
/// <param name="IncumbentPartnerId">The partner that holds the customer relationship today, if any.</param>
public sealed record Account(
    string AccountId,
    string Name,
    string Domain,
    string Region,
    string Segment,
    string OwnerEmail,
    string? IncumbentPartnerId) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.Accounts;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(AccountId);
        writer.Text(Name);
        writer.Text(Domain);
        writer.Text(Region);
        writer.Text(Segment);
        writer.Text(OwnerEmail);
        writer.Text(IncumbentPartnerId);
    }
}
