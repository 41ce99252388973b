using Analytics.Pipelines.Crm;
using Analytics.Sources.Demo;

namespace Analytics.TestSupport.Salesforce.Seeding;

/// <summary>
/// Fills a <see cref="SalesforceOrg"/> from demo CRM records: the exact inverse of the default mapping
/// (DefaultMapping.yaml), so the Salesforce source reading the org lands what the demo source lands. Demo ids are the
/// Salesforce Ids; owner and partner-manager e-mails become Users; canonical timestamps become CreatedDate where the
/// mapping reads CreatedDate (joined_at, created_at, added_at, entered_at, submitted_at). Use it as the demo CRM's sink:
/// records are inserted as they arrive, so a large org never holds the demo snapshot twice.
/// </summary>
public sealed class DemoOrgSeeder : ICrmRecordSink
{
    /// <summary>The one channel program's Id.</summary>
    public const string ProgramId = "0CPdemoprogram";

    /// <summary>The RecordType Id of deal registrations (DeveloperName Deal_Registration).</summary>
    public const string DealRegistrationRecordType = "012dealreg";

    /// <summary>The RecordType Id of lead registrations (DeveloperName Lead_Registration).</summary>
    public const string LeadRegistrationRecordType = "012leadreg";

    private readonly SalesforceOrg _org;
    private readonly DemoOrgSeedOptions _options;
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skippedOpportunities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _historyCount = new(StringComparer.Ordinal);
    private string? _historyOpportunity;
    private int _historySequence;

    /// <summary>A seeder inserting into <paramref name="org"/>, whose types <see cref="DemoOrgSchema.Define"/> created (this constructor adds the program, its levels and the record types).</summary>
    public DemoOrgSeeder(SalesforceOrg org, DemoOrgSeedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(org);
        _org = org;
        _options = options ?? new DemoOrgSeedOptions();
        _org.Insert("ChannelProgram", Row(ProgramId, ("Name", "Partner Program")));
        foreach (var tier in CrmVocabulary.Tiers)
        {
            _org.Insert("ChannelProgramLevel", Row(LevelId(tier), ("Name", SalesforceLabels.Tier(tier)), ("ProgramId", ProgramId)));
        }

        _org.Insert("RecordType", Row(DealRegistrationRecordType, ("Name", "Deal Registration"), ("DeveloperName", "Deal_Registration"), ("SobjectType", "Lead")));
        _org.Insert("RecordType", Row(LeadRegistrationRecordType, ("Name", "Lead Registration"), ("DeveloperName", "Lead_Registration"), ("SobjectType", "Lead")));
        foreach (var motion in MotionStages.Motions)
        {
            var name = char.ToUpperInvariant(motion[0]) + motion[1..];
            _org.Insert("RecordType", Row(SalesProcessRecordType(motion), ("Name", name), ("DeveloperName", name), ("SobjectType", "Opportunity")));
        }
    }

    /// <summary>The RecordType Id of an opportunity sales process (one per motion; DeveloperName Direct, Referral, ...).</summary>
    public static string SalesProcessRecordType(string motion) => $"012sp{motion}";

    /// <summary>Opportunities inserted so far.</summary>
    public long Opportunities { get; private set; }

    /// <summary>
    /// A new org (clock <paramref name="clock"/>) holding the demo CRM of <paramref name="demo"/> as it stood at the end of
    /// <paramref name="asOf"/>.
    /// </summary>
    public static SalesforceOrg SeedFromDemo(DemoCrmOptions demo, DateOnly asOf, TimeProvider clock, DemoOrgSeedOptions? options = null)
    {
        var org = new SalesforceOrg(clock);
        DemoOrgSchema.Define(org);
        new DemoCrm(demo).WriteSnapshot(asOf, new DemoOrgSeeder(org, options));
        return org;
    }

    /// <summary>The ChannelProgramLevel Id of <paramref name="tier"/>.</summary>
    public static string LevelId(string tier) => "0CLlevel" + tier;

    /// <inheritdoc />
    public void Write(Partner record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Account", Row(record.PartnerId,
            ("Name", record.Name), ("IsPartner", true), ("Industry", record.Vertical), ("Region__c", record.Region),
            ("Partner_Type__c", record.PartnerType), ("Partner_Status__c", record.Status), ("Offboarded_At__c", record.OffboardedAt),
            ("OwnerId", User(record.PartnerManagerEmail)), ("CreatedDate", record.JoinedAt)));
        _org.Insert("ChannelProgramMember", Row("0CM" + record.PartnerId,
            ("ProgramId", ProgramId), ("PartnerId", record.PartnerId), ("LevelId", LevelId(record.Tier)), ("CreatedDate", record.JoinedAt)));
    }

    /// <inheritdoc />
    public void Write(Account record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Account", Row(record.AccountId,
            ("Name", record.Name), ("IsPartner", false), ("Website", record.Domain), ("Region__c", record.Region),
            ("Segment__c", record.Segment), ("OwnerId", User(record.OwnerEmail)), ("Incumbent_Partner__c", record.IncumbentPartnerId)));
    }

    /// <inheritdoc />
    public void Write(Opportunity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_options.MaxOpportunities is { } max && Opportunities >= max)
        {
            _skippedOpportunities.Add(record.OpportunityId);
            return;
        }

        Opportunities++;
        _org.Insert("Opportunity", Row(record.OpportunityId,
            ("AccountId", record.AccountId), ("RecordTypeId", SalesProcessRecordType(SalesProcess(record))), ("Name", record.Name), ("Type", SalesforceLabels.OpportunityType(record.OpportunityType)),
            ("Partner_Motion__c", record.Motion), ("StageName", SalesforceLabels.Stage(record.Stage)), ("IsClosed", record.IsClosed),
            ("IsWon", record.IsWon), ("Amount", record.Arr), ("CreatedDate", record.CreatedAt), ("CloseDate", record.CloseDate),
            ("Closed_At__c", record.ClosedAt), ("OwnerId", User(record.OwnerEmail)), ("NextStep", record.NextStep),
            ("Next_Step_Updated_At__c", record.NextStepUpdatedAt), ("Last_Activity_At__c", record.LastActivityAt),
            ("Deal_Registration__c", record.DealRegistrationId), ("Conflict_Status__c", record.ConflictStatus),
            ("Loss_Reason__c", record.LostReason)));
    }

    /// <summary>
    /// The motion whose sales process (record type) the opportunity follows: its motion when the seller filled it in,
    /// else the motion that has its stage at its stage_index (the demo leaves the motion blank as a hygiene gap; a
    /// Salesforce opportunity always has a record type).
    /// </summary>
    private static string SalesProcess(Opportunity record) => record.Motion
        ?? MotionStages.Motions.FirstOrDefault(m => MotionStages.IndexOf(m, record.Stage) == record.StageIndex)
        ?? MotionStages.Direct;

    /// <inheritdoc />
    public void Write(OpportunityPartner record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_skippedOpportunities.Contains(record.OpportunityId))
        {
            return;
        }

        _org.Insert("Partner_Attribution__c", Row($"a0P{record.OpportunityId}-{record.PartnerId}-{record.Role}",
            ("Opportunity__c", record.OpportunityId), ("Partner_Account__c", record.PartnerId), ("Role__c", record.Role),
            ("Attribution__c", record.Attribution), ("Attribution_Pct__c", record.AttributionPct), ("CreatedDate", record.AddedAt)));
    }

    /// <inheritdoc />
    public void Write(StageHistoryEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_skippedOpportunities.Contains(record.OpportunityId))
        {
            return;
        }

        // The demo CRM writes an opportunity's history together; count per opportunity without a map in that case.
        int sequence;
        if (record.OpportunityId == _historyOpportunity)
        {
            sequence = ++_historySequence;
        }
        else if (_historyOpportunity is null || !_historyCount.ContainsKey(record.OpportunityId))
        {
            if (_historyOpportunity is not null)
            {
                _historyCount[_historyOpportunity] = _historySequence;
            }

            _historyOpportunity = record.OpportunityId;
            sequence = _historySequence = 1;
        }
        else
        {
            sequence = _historyCount[record.OpportunityId] += 1;
        }

        _org.Insert("OpportunityHistory", Row($"008{record.OpportunityId}-{sequence:D3}",
            ("OpportunityId", record.OpportunityId), ("StageName", SalesforceLabels.Stage(record.Stage)), ("CreatedDate", record.EnteredAt)));
    }

    /// <inheritdoc />
    public void Write(DealRegistration record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Lead", Row(record.RegistrationId,
            ("RecordTypeId", DealRegistrationRecordType), ("PartnerAccountId", record.PartnerId), ("Account__c", record.AccountId),
            ("Company", record.CompanyName), ("Website", record.CompanyDomain), ("ConvertedOpportunityId", record.OpportunityId),
            ("Status", SalesforceLabels.LeadStatus(record.Status)), ("Decline_Reason__c", record.DeclineReason),
            ("Protection_Start__c", record.ProtectionStart), ("Protection_End__c", record.ProtectionEnd),
            ("Extension_Count__c", (long)record.ExtensionCount), ("CreatedDate", record.SubmittedAt)));
        Approval(record.RegistrationId, record.SubmittedAt, record.DecidedAt, record.Status);
    }

    /// <inheritdoc />
    public void Write(LeadRegistration record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Lead", Row(record.LeadId,
            ("RecordTypeId", LeadRegistrationRecordType), ("PartnerAccountId", record.PartnerId), ("Company", record.CompanyName),
            ("Website", record.CompanyDomain), ("First_Response_At__c", record.FirstResponseAt),
            ("Status", SalesforceLabels.LeadStatus(record.Status)), ("First_Meeting_At__c", record.FirstMeetingAt),
            ("ConvertedOpportunityId", record.ConvertedOpportunityId), ("CreatedDate", record.SubmittedAt)));
        Approval(record.LeadId, record.SubmittedAt, record.DecidedAt, record.Status);
    }

    /// <inheritdoc />
    public void Write(Activity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_options.IncludeActivities || _skippedOpportunities.Contains(record.OpportunityId))
        {
            return;
        }

        if (record.ActivityType == "meeting")
        {
            _org.Insert("Event", Row(record.ActivityId,
                ("WhatId", record.OpportunityId), ("Partner_Account__c", record.PartnerId), ("Subject", "Meeting"),
                ("StartDateTime", record.OccurredAt), ("CreatedDate", record.OccurredAt)));
        }
        else
        {
            var subtype = SalesforceLabels.TaskSubtype(record.ActivityType);
            _org.Insert("Task", Row(record.ActivityId,
                ("WhatId", record.OpportunityId), ("Partner_Account__c", record.PartnerId), ("TaskSubtype", subtype),
                ("Subject", subtype), ("CompletedDateTime", record.OccurredAt), ("CreatedDate", record.OccurredAt)));
        }
    }

    /// <inheritdoc />
    public void Write(Certification record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Partner_Certification__c", Row(record.CertificationId,
            ("Partner_Account__c", record.PartnerId), ("Person_Email__c", record.PersonEmail), ("Certification__c", record.CertificationName),
            ("Earned_At__c", record.EarnedAt), ("Expires_At__c", record.ExpiresAt), ("CreatedDate", record.EarnedAt)));
    }

    /// <inheritdoc />
    public void Write(CsatResponse record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("CSAT_Response__c", Row(record.ResponseId,
            ("Partner_Account__c", record.PartnerId), ("Account__c", record.AccountId), ("Score__c", (long)record.Score),
            ("Responded_At__c", record.RespondedAt), ("CreatedDate", record.RespondedAt)));
    }

    /// <inheritdoc />
    public void Write(PartnerProof record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Partner_Proof__c", Row(record.ProofId,
            ("Partner_Account__c", record.PartnerId), ("Proof_Type__c", record.ProofType), ("Recorded_At__c", record.RecordedAt),
            ("CreatedDate", record.RecordedAt)));
    }

    /// <inheritdoc />
    public void Write(Conflict record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _org.Insert("Channel_Conflict__c", Row(record.ConflictId,
            ("Account__c", record.AccountId), ("Conflict_Type__c", record.ConflictType), ("Cause__c", record.Cause),
            ("Opened_At__c", record.OpenedAt), ("Acknowledged_At__c", record.AcknowledgedAt), ("Resolved_At__c", record.ResolvedAt),
            ("Resolution__c", record.Resolution), ("CreatedDate", record.OpenedAt)));
    }

    /// <summary>The approval process of a registration: submitted_at and decided_at are the mapping's ProcessInstance lookups.</summary>
    private void Approval(string targetId, DateTime submittedAt, DateTime? decidedAt, string status) =>
        _org.Insert("ProcessInstance", Row("04g" + targetId,
            ("TargetObjectId", targetId), ("Status", decidedAt is null ? "Pending" : status == "declined" ? "Rejected" : "Approved"),
            ("CompletedDate", decidedAt), ("CreatedDate", submittedAt)));

    private string User(string email)
    {
        if (!_users.TryGetValue(email, out var id))
        {
            id = "005" + (_users.Count + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            _users.Add(email, id);
            _org.Insert("User", Row(id, ("Name", email.Split('@')[0]), ("Email", email), ("Username", email)));
        }

        return id;
    }

    private static Dictionary<string, object?> Row(string id, params (string Field, object? Value)[] values)
    {
        var row = new Dictionary<string, object?>(values.Length + 1, StringComparer.Ordinal) { ["Id"] = id };
        foreach (var (field, value) in values)
        {
            row[field] = value;
        }

        return row;
    }
}
