namespace Analytics.Pipelines.Crm;

/// <summary>
/// A channel conflict on one account, from opening to resolution (DOMAIN.md, <c>conflicts</c>).
/// Key: <see cref="ConflictId"/>.
/// </summary>
/// <param name="ConflictId">The conflict's id.</param>
/// <param name="AccountId">The account both parties claim.</param>
/// <param name="ConflictType">vertical (partner and direct), horizontal (two partners) or multi_channel.</param>
/// <param name="Cause">territory_overlap, duplicate_registration, pricing, renewal_ownership or unclear_rules.</param>
/// <param name="OpenedAt">When the conflict was raised (UTC).</param>
/// <param name="AcknowledgedAt">When its owner acknowledged it (UTC); null until then.</param>
/// <param name="ResolvedAt">When it was resolved (UTC); null while open.</param>
/// <param name="Resolution">How it was resolved, e.g. <c>partner_retains</c>; null while open.</param>
public sealed record Conflict(
    string ConflictId,
    string AccountId,
    string ConflictType,
    string Cause,
    DateTime OpenedAt,
    DateTime? AcknowledgedAt,
    DateTime? ResolvedAt,
    string? Resolution) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.Conflicts;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(ConflictId);
        writer.Text(AccountId);
        writer.Text(ConflictType);
        writer.Text(Cause);
        writer.Timestamp(OpenedAt);
        writer.Timestamp(AcknowledgedAt);
        writer.Timestamp(ResolvedAt);
        writer.Text(Resolution);
    }
}
