namespace Analytics.Pipelines.Crm;

/// <summary>
/// One stage an opportunity entered (DOMAIN.md, <c>stage_history</c>). Key: (<see cref="OpportunityId"/>,
/// <see cref="StageIndex"/>, <see cref="EnteredAt"/>). A closed opportunity's last entry is its closed stage.
/// Rows never change once written.
/// </summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Stage">The stage entered (encoding as on <see cref="Opportunity"/>).</param>
/// <param name="StageIndex">The stage's index: 1-5 open, 6 closed_won, 0 closed_lost.</param>
/// <param name="EnteredAt">When the opportunity entered the stage (UTC).</param>
public sealed record StageHistoryEntry(
    string OpportunityId,
    string Stage,
    int StageIndex,
    DateTime EnteredAt) : ICrmRecord
{
    EntitySchema ICrmRecord.Schema => CrmSchema.StageHistory;

    /// <inheritdoc />
    public void WriteTo(ICrmRowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Text(OpportunityId);
        writer.Text(Stage);
        writer.Integer(StageIndex);
        writer.Timestamp(EnteredAt);
    }
}
