using System.Globalization;
using Analytics.Pipelines.Crm;
using Analytics.Sources.Demo;

namespace Analytics.TestSupport.HubSpot.Seeding;

/// <summary>
/// Fills a <see cref="HubSpotPortal"/> from demo CRM records: the exact inverse of the HubSpot source's default mapping
/// (its DefaultMapping.yaml), so the source reading the portal lands what the demo source lands. Demo ids are the record
/// ids; e-mails become owners; each motion is a deal pipeline ("Referral") whose stages carry our stage labels ("Intro
/// Logged", "Closed Won"); partners are companies with partner_type set; a partner row is a deal→company association
/// labelled "Sourced partner", "Influencing partner" or "Partner", its percentage and date in the deal's
/// partner_attribution_pct and partner_added_at (<c>company=value;...</c>). Records are inserted as they arrive.
/// </summary>
public sealed class DemoPortalSeeder : ICrmRecordSink
{
    /// <summary>deal→company, the deal's primary company (HUBSPOT_DEFINED).</summary>
    public const int PrimaryCompany = 5;

    /// <summary>deal→company, unlabelled (HUBSPOT_DEFINED).</summary>
    public const int DealToCompany = 341;

    private static readonly Dictionary<string, (int TypeId, string Label)> PartnerLabels = new(StringComparer.Ordinal)
    {
        ["sourced"] = (101, "Sourced partner"),
        ["influenced"] = (102, "Influencing partner"),
        [string.Empty] = (103, "Partner"),
    };

    private static readonly Dictionary<string, (string Object, int TypeId)> ActivityObjects = new(StringComparer.Ordinal)
    {
        ["meeting"] = ("meetings", 212),
        ["call"] = ("calls", 206),
        ["email"] = ("emails", 210),
        ["note"] = ("notes", 214),
    };

    private readonly HubSpotPortal _portal;
    private readonly DemoPortalSeedOptions _options;
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <summary>A seeder inserting into <paramref name="portal"/>; adds the pipelines and the object types.</summary>
    public DemoPortalSeeder(HubSpotPortal portal, DemoPortalSeedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        _portal = portal;
        _options = options ?? new DemoPortalSeedOptions();
        foreach (var motion in MotionStages.Motions)
        {
            var stages = MotionStages.For(motion).Append(MotionStages.ClosedWon).Append(MotionStages.ClosedLost)
                .Select(s => (StageId(motion, s), HubSpotValues.Label(s))).ToList();
            portal.Pipelines.Add(new PortalPipeline(PipelineId(motion), HubSpotValues.Label(motion), stages));
        }

        foreach (var type in new[] { "companies", "deals", "meetings", "calls", "emails", "notes", "p_deal_registrations", "p_lead_registrations", "p_certifications", "p_csat_responses", "p_partner_proofs", "p_channel_conflicts" })
        {
            portal.Table(type);
        }

        portal.Scopes.Add("crm.objects.owners.read");
    }

    /// <summary>Deals inserted so far.</summary>
    public long Deals { get; private set; }

    /// <summary>A new portal (clock <paramref name="clock"/>) holding the demo CRM of <paramref name="demo"/> as it stood at the end of <paramref name="asOf"/>.</summary>
    public static HubSpotPortal SeedFromDemo(DemoCrmOptions demo, DateOnly asOf, TimeProvider clock, DemoPortalSeedOptions? options = null)
    {
        var portal = new HubSpotPortal(clock);
        new DemoCrm(demo).WriteSnapshot(asOf, new DemoPortalSeeder(portal, options));
        return portal;
    }

    /// <summary>The pipeline id of a motion's sales process.</summary>
    public static string PipelineId(string motion) => "pl_" + motion;

    /// <summary>The stage id of <paramref name="stage"/> in <paramref name="motion"/>'s pipeline.</summary>
    public static string StageId(string motion, string stage) => $"{motion}_{stage}";

    /// <inheritdoc />
    public void Write(Partner record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("companies", record.PartnerId,
            ("name", record.Name), ("industry", record.Vertical), ("region", record.Region), ("partner_type", record.PartnerType),
            ("partner_tier", record.Tier), ("partner_status", record.Status), ("partner_joined_at", HubSpotValues.Time(record.JoinedAt)),
            ("partner_offboarded_at", HubSpotValues.Time(record.OffboardedAt)), ("hubspot_owner_id", Owner(record.PartnerManagerEmail)));
    }

    /// <inheritdoc />
    public void Write(Account record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("companies", record.AccountId,
            ("name", record.Name), ("domain", record.Domain), ("region", record.Region), ("segment", record.Segment),
            ("hubspot_owner_id", Owner(record.OwnerEmail)), ("incumbent_partner_id", record.IncumbentPartnerId));
    }

    /// <inheritdoc />
    public void Write(Opportunity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_options.MaxOpportunities is { } max && Deals >= max)
        {
            _skipped.Add(record.OpportunityId);
            return;
        }

        Deals++;
        var process = SalesProcess(record);
        _portal.Upsert("deals", record.OpportunityId,
            ("dealname", record.Name), ("dealtype", HubSpotValues.DealType(record.OpportunityType)), ("partner_motion", record.Motion),
            ("pipeline", PipelineId(process)), ("dealstage", StageOf(process, record.Stage, record.StageIndex)),
            ("hs_is_closed", HubSpotValues.Bool(record.IsClosed)), ("hs_is_closed_won", HubSpotValues.Bool(record.IsWon)),
            ("amount", HubSpotValues.Number(record.Arr)), ("closedate", HubSpotValues.Date(record.CloseDate) + "T00:00:00.000Z"),
            ("closed_at", HubSpotValues.Time(record.ClosedAt)), ("hubspot_owner_id", Owner(record.OwnerEmail)), ("hs_next_step", record.NextStep),
            ("next_step_updated_at", HubSpotValues.Time(record.NextStepUpdatedAt)), ("notes_last_updated", HubSpotValues.Time(record.LastActivityAt)),
            ("deal_registration_id", record.DealRegistrationId), ("conflict_status", record.ConflictStatus), ("closed_lost_reason", record.LostReason));
        // createdate is set on import; the current stage's history is written by the stage history rows.
        _portal.SetQuietly("deals", record.OpportunityId, ("createdate", HubSpotValues.Time(record.CreatedAt)));
        _portal.ClearHistory("deals", record.OpportunityId);
        _portal.Associate("deals", record.OpportunityId, "companies", record.AccountId, PrimaryCompany, "HUBSPOT_DEFINED", "Primary");
        _portal.Associate("deals", record.OpportunityId, "companies", record.AccountId, DealToCompany, "HUBSPOT_DEFINED", null);
    }

    /// <summary>The motion whose pipeline the deal is in: its motion, else the motion having its stage at its stage_index (as DemoOrgSeeder).</summary>
    private static string SalesProcess(Opportunity record) => record.Motion
        ?? MotionStages.Motions.FirstOrDefault(m => MotionStages.IndexOf(m, record.Stage) == record.StageIndex)
        ?? MotionStages.Direct;

    /// <summary>The stage id for (stage, stage_index): in <paramref name="motion"/>'s pipeline when it has it there, else in the pipeline of a motion that does.</summary>
    private static string StageOf(string motion, string stage, int index)
    {
        var owner = MotionStages.IndexOf(motion, stage) == index
            ? motion
            : MotionStages.Motions.FirstOrDefault(m => MotionStages.IndexOf(m, stage) == index) ?? motion;
        return StageId(owner, stage);
    }

    /// <inheritdoc />
    public void Write(OpportunityPartner record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_skipped.Contains(record.OpportunityId))
        {
            return;
        }

        var (typeId, label) = PartnerLabels[record.Attribution ?? string.Empty];
        _portal.Associate("deals", record.OpportunityId, "companies", record.PartnerId, DealToCompany, "HUBSPOT_DEFINED", null);
        _portal.Associate("deals", record.OpportunityId, "companies", record.PartnerId, typeId, "USER_DEFINED", label);
        Append(record.OpportunityId, "partner_added_at", $"{record.PartnerId}={HubSpotValues.Time(record.AddedAt)}");
        if (record.AttributionPct is { } pct)
        {
            Append(record.OpportunityId, "partner_attribution_pct", $"{record.PartnerId}={HubSpotValues.Number(pct)}");
        }
    }

    private void Append(string dealId, string property, string pair)
    {
        var current = _portal.Get("deals", dealId, property);
        _portal.SetQuietly("deals", dealId, (property, current is null ? pair : current + ";" + pair));
    }

    /// <inheritdoc />
    public void Write(StageHistoryEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_skipped.Contains(record.OpportunityId))
        {
            return;
        }

        var motion = _portal.Get("deals", record.OpportunityId, "pipeline")![3..];
        _portal.AddHistory("deals", record.OpportunityId, StageOf(motion, record.Stage, record.StageIndex), record.EnteredAt);
    }

    /// <inheritdoc />
    public void Write(DealRegistration record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("p_deal_registrations", record.RegistrationId,
            ("partner_company_id", record.PartnerId), ("account_company_id", record.AccountId), ("company_name", record.CompanyName),
            ("company_domain", record.CompanyDomain), ("deal_id", record.OpportunityId), ("submitted_at", HubSpotValues.Time(record.SubmittedAt)),
            ("decided_at", HubSpotValues.Time(record.DecidedAt)), ("status", record.Status), ("decline_reason", record.DeclineReason),
            ("protection_start", HubSpotValues.Date(record.ProtectionStart)), ("protection_end", HubSpotValues.Date(record.ProtectionEnd)),
            ("extension_count", record.ExtensionCount.ToString(CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public void Write(LeadRegistration record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("p_lead_registrations", record.LeadId,
            ("partner_company_id", record.PartnerId), ("company_name", record.CompanyName), ("company_domain", record.CompanyDomain),
            ("submitted_at", HubSpotValues.Time(record.SubmittedAt)), ("first_response_at", HubSpotValues.Time(record.FirstResponseAt)),
            ("decided_at", HubSpotValues.Time(record.DecidedAt)), ("status", record.Status), ("first_meeting_at", HubSpotValues.Time(record.FirstMeetingAt)),
            ("converted_deal_id", record.ConvertedOpportunityId));
    }

    /// <inheritdoc />
    public void Write(Activity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_options.IncludeActivities || _skipped.Contains(record.OpportunityId))
        {
            return;
        }

        var (type, typeId) = ActivityObjects[record.ActivityType];
        _portal.Upsert(type, record.ActivityId, ("hs_timestamp", HubSpotValues.Time(record.OccurredAt)), ("partner_company_id", record.PartnerId));
        _portal.Associate(type, record.ActivityId, "deals", record.OpportunityId, typeId, "HUBSPOT_DEFINED", null);
    }

    /// <inheritdoc />
    public void Write(Certification record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("p_certifications", record.CertificationId,
            ("partner_company_id", record.PartnerId), ("person_email", record.PersonEmail), ("certification", record.CertificationName),
            ("earned_at", HubSpotValues.Time(record.EarnedAt)), ("expires_at", HubSpotValues.Time(record.ExpiresAt)));
    }

    /// <inheritdoc />
    public void Write(CsatResponse record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("p_csat_responses", record.ResponseId,
            ("partner_company_id", record.PartnerId), ("account_company_id", record.AccountId),
            ("score", record.Score.ToString(CultureInfo.InvariantCulture)), ("responded_at", HubSpotValues.Time(record.RespondedAt)));
    }

    /// <inheritdoc />
    public void Write(PartnerProof record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("p_partner_proofs", record.ProofId,
            ("partner_company_id", record.PartnerId), ("proof_type", record.ProofType), ("recorded_at", HubSpotValues.Time(record.RecordedAt)));
    }

    /// <inheritdoc />
    public void Write(Conflict record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _portal.Upsert("p_channel_conflicts", record.ConflictId,
            ("account_company_id", record.AccountId), ("conflict_type", record.ConflictType), ("cause", record.Cause),
            ("opened_at", HubSpotValues.Time(record.OpenedAt)), ("acknowledged_at", HubSpotValues.Time(record.AcknowledgedAt)),
            ("resolved_at", HubSpotValues.Time(record.ResolvedAt)), ("resolution", record.Resolution));
    }

    private string Owner(string email)
    {
        if (!_owners.TryGetValue(email, out var id))
        {
            id = (7_000_000 + _owners.Count + 1).ToString(CultureInfo.InvariantCulture);
            _owners.Add(email, id);
            _portal.Owners.Add((id, email));
        }

        return id;
    }
}
