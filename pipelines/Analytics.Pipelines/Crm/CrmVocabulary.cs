namespace Analytics.Pipelines.Crm;

/// <summary>
/// The accepted values of the enum-like canonical columns, lowercase and spelled as in DOMAIN.md
/// ("Canonical CRM entities"). <see cref="CrmSchema"/> attaches them to columns; sources and tests use them to
/// validate rows.
/// </summary>
public static class CrmVocabulary
{
    /// <summary>partners.partner_type; also the opportunity_partners role and the partner motions.</summary>
    public static IReadOnlyList<string> PartnerTypes { get; } = ["referral", "reseller", "marketplace", "services", "tech"];

    /// <summary>partners.tier, lowest first.</summary>
    public static IReadOnlyList<string> Tiers { get; } = ["registered", "select", "elite"];

    /// <summary>partners.status.</summary>
    public static IReadOnlyList<string> PartnerStatuses { get; } = ["active", "offboarded"];

    /// <summary>accounts.segment, smallest first.</summary>
    public static IReadOnlyList<string> Segments { get; } = ["smb", "mid_market", "enterprise"];

    /// <summary>opportunities.opportunity_type.</summary>
    public static IReadOnlyList<string> OpportunityTypes { get; } = ["new_business", "renewal", "expansion"];

    /// <summary>opportunities.motion: <c>direct</c> and the partner motions.</summary>
    public static IReadOnlyList<string> Motions => MotionStages.Motions;

    /// <summary>opportunities.stage and stage_history.stage: every open stage of every motion, and the closed stages.</summary>
    public static IReadOnlyList<string> Stages => MotionStages.AllStages;

    /// <summary>opportunities.conflict_status.</summary>
    public static IReadOnlyList<string> ConflictStatuses { get; } = ["none", "risk", "active"];

    /// <summary>opportunity_partners.role: the partner's motion in the deal.</summary>
    public static IReadOnlyList<string> PartnerRoles => PartnerTypes;

    /// <summary>opportunity_partners.attribution.</summary>
    public static IReadOnlyList<string> Attributions { get; } = ["sourced", "influenced"];

    /// <summary>deal_registrations.status.</summary>
    public static IReadOnlyList<string> RegistrationStatuses { get; } = ["pending", "approved", "declined", "expired", "converted"];

    /// <summary>deal_registrations.decline_reason.</summary>
    public static IReadOnlyList<string> DeclineReasons { get; } = ["duplicate", "not_qualified", "active_cycle", "conflict", "other"];

    /// <summary>lead_registrations.status.</summary>
    public static IReadOnlyList<string> LeadStatuses { get; } = ["pending", "approved", "declined"];

    /// <summary>activities.activity_type.</summary>
    public static IReadOnlyList<string> ActivityTypes { get; } = ["meeting", "call", "email", "note"];

    /// <summary>partner_proofs.proof_type.</summary>
    public static IReadOnlyList<string> ProofTypes { get; } = ["case_study", "validated_integration", "packaged_service", "sow", "marketplace_review"];

    /// <summary>conflicts.conflict_type: partner against direct (vertical), partner against partner (horizontal), or across channels.</summary>
    public static IReadOnlyList<string> ConflictTypes { get; } = ["vertical", "horizontal", "multi_channel"];

    /// <summary>conflicts.cause.</summary>
    public static IReadOnlyList<string> ConflictCauses { get; } = ["territory_overlap", "duplicate_registration", "pricing", "renewal_ownership", "unclear_rules"];
}
