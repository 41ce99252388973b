namespace Analytics.Pipelines.Crm;

/// <summary>
/// Evidence of a partner's capability, counted by the tier criteria (DOMAIN.md, <c>partner_proofs</c>).
/// Key: <see cref="ProofId"/>.
/// </summary>
/// <param name="ProofId">The proof's id.</param>
/// <param name="PartnerId">The partner.</param>
/// <param name="ProofType">case_study, validated_integration, packaged_service, sow or marketplace_review.</param>
/// <param name="RecordedAt">When the proof was recorded (UTC).</param>
public sealed record PartnerProof(
    string ProofId,
    string PartnerId,
    string ProofType,
    DateTime RecordedAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.PartnerProofs;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(ProofId);
        writer.Text(PartnerId);
        writer.Text(ProofType);
        writer.Timestamp(RecordedAt);
    }
}
