namespace Analytics.Pipelines.Crm;

/// <summary>A logged touch on an opportunity (DOMAIN.md, <c>activities</c>). Key: <see cref="ActivityId"/>.</summary>
/// <param name="ActivityId">The activity's id.</param>
/// <param name="OpportunityId">The opportunity it was logged on.</param>
/// <param name="PartnerId">The partner who logged it; null when the vendor's own team did.</param>
/// <param name="ActivityType">meeting, call, email or note.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
public sealed record Activity(
    string ActivityId,
    string OpportunityId,
    string? PartnerId,
    string ActivityType,
    DateTime OccurredAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.Activities;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(ActivityId);
        writer.Text(OpportunityId);
        writer.Text(PartnerId);
        writer.Text(ActivityType);
        writer.Timestamp(OccurredAt);
    }
}
