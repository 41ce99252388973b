namespace Analytics.Pipelines.Crm;

/// <summary>
/// A customer's satisfaction rating of a partner (DOMAIN.md, <c>csat_responses</c>). Key: <see cref="ResponseId"/>.
/// </summary>
/// <param name="ResponseId">The response's id.</param>
/// <param name="PartnerId">The partner rated.</param>
/// <param name="AccountId">The customer account that answered.</param>
/// <param name="Score">The rating, 1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="RespondedAt">When the customer answered (UTC).</param>
public sealed record CsatResponse(
    string ResponseId,
    string PartnerId,
    string AccountId,
    int Score,
    DateTime RespondedAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.CsatResponses;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(ResponseId);
        writer.Text(PartnerId);
        writer.Text(AccountId);
        writer.Integer(Score);
        writer.Timestamp(RespondedAt);
    }
}
