namespace Analytics.Pipelines.Crm;

/// <summary>
/// A sink that keeps every record it receives, in arrival order, in one list per entity. Meant for tests and small
/// runs: it holds the whole snapshot in memory.
/// </summary>
public sealed class CrmSnapshotBuffer : ICrmRecordSink
{
    private readonly List<Partner> _partners = [];
    private readonly List<Account> _accounts = [];
    private readonly List<Opportunity> _opportunities = [];
    private readonly List<OpportunityPartner> _opportunityPartners = [];
    private readonly List<StageHistoryEntry> _stageHistory = [];
    private readonly List<DealRegistration> _dealRegistrations = [];
    private readonly List<LeadRegistration> _leadRegistrations = [];
    private readonly List<Activity> _activities = [];
    private readonly List<Certification> _certifications = [];
    private readonly List<CsatResponse> _csatResponses = [];
    private readonly List<PartnerProof> _partnerProofs = [];
    private readonly List<Conflict> _conflicts = [];

    /// <summary>The <c>partners</c> rows received.</summary>
    public IReadOnlyList<Partner> Partners => _partners;

    /// <summary>The <c>accounts</c> rows received.</summary>
    public IReadOnlyList<Account> Accounts => _accounts;

    /// <summary>The <c>opportunities</c> rows received.</summary>
    public IReadOnlyList<Opportunity> Opportunities => _opportunities;

    /// <summary>The <c>opportunity_partners</c> rows received.</summary>
    public IReadOnlyList<OpportunityPartner> OpportunityPartners => _opportunityPartners;

    /// <summary>The <c>stage_history</c> rows received.</summary>
    public IReadOnlyList<StageHistoryEntry> StageHistory => _stageHistory;

    /// <summary>The <c>deal_registrations</c> rows received.</summary>
    public IReadOnlyList<DealRegistration> DealRegistrations => _dealRegistrations;

    /// <summary>The <c>lead_registrations</c> rows received.</summary>
    public IReadOnlyList<LeadRegistration> LeadRegistrations => _leadRegistrations;

    /// <summary>The <c>activities</c> rows received.</summary>
    public IReadOnlyList<Activity> Activities => _activities;

    /// <summary>The <c>certifications</c> rows received.</summary>
    public IReadOnlyList<Certification> Certifications => _certifications;

    /// <summary>The <c>csat_responses</c> rows received.</summary>
    public IReadOnlyList<CsatResponse> CsatResponses => _csatResponses;

    /// <summary>The <c>partner_proofs</c> rows received.</summary>
    public IReadOnlyList<PartnerProof> PartnerProofs => _partnerProofs;

    /// <summary>The <c>conflicts</c> rows received.</summary>
    public IReadOnlyList<Conflict> Conflicts => _conflicts;

    /// <summary>
    /// The records of one entity, by its <see cref="EntitySchema.Name"/> (e.g. <c>stage_history</c>), in arrival order.
    /// </summary>
    /// <exception cref="ArgumentException">No entity has that name.</exception>
    public IReadOnlyList<ICrmRecord> RecordsOf(string entityName) => entityName switch
    {
        "partners" => _partners,
        "accounts" => _accounts,
        "opportunities" => _opportunities,
        "opportunity_partners" => _opportunityPartners,
        "stage_history" => _stageHistory,
        "deal_registrations" => _dealRegistrations,
        "lead_registrations" => _leadRegistrations,
        "activities" => _activities,
        "certifications" => _certifications,
        "csat_responses" => _csatResponses,
        "partner_proofs" => _partnerProofs,
        "conflicts" => _conflicts,
        _ => throw new ArgumentException($"No CRM entity is called '{entityName}'.", nameof(entityName)),
    };

    /// <summary>Writes every buffered record to <paramref name="sink"/>, entity by entity in <see cref="CrmSchema.Entities"/> order.</summary>
    public void CopyTo(ICrmRecordSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _partners.ForEach(sink.Write);
        _accounts.ForEach(sink.Write);
        _opportunities.ForEach(sink.Write);
        _opportunityPartners.ForEach(sink.Write);
        _stageHistory.ForEach(sink.Write);
        _dealRegistrations.ForEach(sink.Write);
        _leadRegistrations.ForEach(sink.Write);
        _activities.ForEach(sink.Write);
        _certifications.ForEach(sink.Write);
        _csatResponses.ForEach(sink.Write);
        _partnerProofs.ForEach(sink.Write);
        _conflicts.ForEach(sink.Write);
    }

    /// <inheritdoc />
    public void Write(Partner record) => _partners.Add(Checked(record));

    /// <inheritdoc />
    public void Write(Account record) => _accounts.Add(Checked(record));

    /// <inheritdoc />
    public void Write(Opportunity record) => _opportunities.Add(Checked(record));

    /// <inheritdoc />
    public void Write(OpportunityPartner record) => _opportunityPartners.Add(Checked(record));

    /// <inheritdoc />
    public void Write(StageHistoryEntry record) => _stageHistory.Add(Checked(record));

    /// <inheritdoc />
    public void Write(DealRegistration record) => _dealRegistrations.Add(Checked(record));

    /// <inheritdoc />
    public void Write(LeadRegistration record) => _leadRegistrations.Add(Checked(record));

    /// <inheritdoc />
    public void Write(Activity record) => _activities.Add(Checked(record));

    /// <inheritdoc />
    public void Write(Certification record) => _certifications.Add(Checked(record));

    /// <inheritdoc />
    public void Write(CsatResponse record) => _csatResponses.Add(Checked(record));

    /// <inheritdoc />
    public void Write(PartnerProof record) => _partnerProofs.Add(Checked(record));

    /// <inheritdoc />
    public void Write(Conflict record) => _conflicts.Add(Checked(record));

    private static T Checked<T>(T record)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        return record;
    }
}
