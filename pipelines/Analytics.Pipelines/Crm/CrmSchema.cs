namespace Analytics.Pipelines.Crm;

/// <summary>
/// The canonical CRM schema as data (DOMAIN.md, "Canonical CRM entities"): one <see cref="EntitySchema"/> per
/// entity, with snake_case table and column names, primary keys, types, nullability and accepted values. Every
/// source maps onto it; the lake and the warehouse's staging layer are created from it.
/// </summary>
public static class CrmSchema
{
    /// <summary>The <c>partners</c> table.</summary>
    public static EntitySchema Partners { get; } = new("partners", ["partner_id"],
    [
        Text("partner_id"),
        Text("name"),
        Text("partner_type", CrmVocabulary.PartnerTypes),
        Text("tier", CrmVocabulary.Tiers),
        Text("region"),
        Text("vertical"),
        Text("partner_manager_email"),
        Column("joined_at", CrmColumnType.Timestamp),
        Text("status", CrmVocabulary.PartnerStatuses),
        Optional("offboarded_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>accounts</c> table.</summary>
    public static EntitySchema Accounts { get; } = new("accounts", ["account_id"],
    [
        Text("account_id"),
        Text("name"),
        Text("domain"),
        Text("region"),
        Text("segment", CrmVocabulary.Segments),
        Text("owner_email"),
        Optional("incumbent_partner_id", CrmColumnType.Text),
    ]);

    /// <summary>The <c>opportunities</c> table; see <see cref="Opportunity"/> for the stage encoding.</summary>
    public static EntitySchema Opportunities { get; } = new("opportunities", ["opportunity_id"],
    [
        Text("opportunity_id"),
        Text("account_id"),
        Text("name"),
        Text("opportunity_type", CrmVocabulary.OpportunityTypes),
        Optional("motion", CrmColumnType.Text, CrmVocabulary.Motions),
        Text("stage", CrmVocabulary.Stages),
        Column("stage_index", CrmColumnType.Integer) with { Minimum = 0, Maximum = 6 },
        Column("is_closed", CrmColumnType.Boolean),
        Column("is_won", CrmColumnType.Boolean),
        Column("arr", CrmColumnType.Decimal) with { Minimum = 0, Maximum = 1_000_000_000 },
        Column("created_at", CrmColumnType.Timestamp),
        Column("close_date", CrmColumnType.Date),
        Optional("closed_at", CrmColumnType.Timestamp),
        Text("owner_email"),
        Optional("next_step", CrmColumnType.Text),
        Optional("next_step_updated_at", CrmColumnType.Timestamp),
        Optional("last_activity_at", CrmColumnType.Timestamp),
        Optional("deal_registration_id", CrmColumnType.Text),
        Text("conflict_status", CrmVocabulary.ConflictStatuses),
        Optional("lost_reason", CrmColumnType.Text),
    ]);

    /// <summary>The <c>opportunity_partners</c> table.</summary>
    public static EntitySchema OpportunityPartners { get; } = new("opportunity_partners", ["opportunity_id", "partner_id", "role"],
    [
        Text("opportunity_id"),
        Text("partner_id"),
        Text("role", CrmVocabulary.PartnerRoles),
        Optional("attribution", CrmColumnType.Text, CrmVocabulary.Attributions),
        Optional("attribution_pct", CrmColumnType.Decimal) with { Minimum = 0, Maximum = 100 },
        Column("added_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>stage_history</c> table.</summary>
    public static EntitySchema StageHistory { get; } = new("stage_history", ["opportunity_id", "stage_index", "entered_at"],
    [
        Text("opportunity_id"),
        Text("stage", CrmVocabulary.Stages),
        Column("stage_index", CrmColumnType.Integer) with { Minimum = 0, Maximum = 6 },
        Column("entered_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>deal_registrations</c> table.</summary>
    public static EntitySchema DealRegistrations { get; } = new("deal_registrations", ["registration_id"],
    [
        Text("registration_id"),
        Text("partner_id"),
        Optional("account_id", CrmColumnType.Text),
        Text("company_name"),
        Text("company_domain"),
        Optional("opportunity_id", CrmColumnType.Text),
        Column("submitted_at", CrmColumnType.Timestamp),
        Optional("decided_at", CrmColumnType.Timestamp),
        Text("status", CrmVocabulary.RegistrationStatuses),
        Optional("decline_reason", CrmColumnType.Text, CrmVocabulary.DeclineReasons),
        Optional("protection_start", CrmColumnType.Date),
        Optional("protection_end", CrmColumnType.Date),
        Column("extension_count", CrmColumnType.Integer) with { Minimum = 0, Maximum = 12 },
    ]);

    /// <summary>The <c>lead_registrations</c> table.</summary>
    public static EntitySchema LeadRegistrations { get; } = new("lead_registrations", ["lead_id"],
    [
        Text("lead_id"),
        Text("partner_id"),
        Text("company_name"),
        Text("company_domain"),
        Column("submitted_at", CrmColumnType.Timestamp),
        Optional("first_response_at", CrmColumnType.Timestamp),
        Optional("decided_at", CrmColumnType.Timestamp),
        Text("status", CrmVocabulary.LeadStatuses),
        Optional("first_meeting_at", CrmColumnType.Timestamp),
        Optional("converted_opportunity_id", CrmColumnType.Text),
    ]);

    /// <summary>The <c>activities</c> table.</summary>
    public static EntitySchema Activities { get; } = new("activities", ["activity_id"],
    [
        Text("activity_id"),
        Text("opportunity_id"),
        Optional("partner_id", CrmColumnType.Text),
        Text("activity_type", CrmVocabulary.ActivityTypes),
        Column("occurred_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>certifications</c> table.</summary>
    public static EntitySchema Certifications { get; } = new("certifications", ["certification_id"],
    [
        Text("certification_id"),
        Text("partner_id"),
        Text("person_email"),
        Text("certification"),
        Column("earned_at", CrmColumnType.Timestamp),
        Optional("expires_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>csat_responses</c> table; score is 1-5.</summary>
    public static EntitySchema CsatResponses { get; } = new("csat_responses", ["response_id"],
    [
        Text("response_id"),
        Text("partner_id"),
        Text("account_id"),
        Column("score", CrmColumnType.Integer) with { Minimum = 1, Maximum = 5 },
        Column("responded_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>partner_proofs</c> table.</summary>
    public static EntitySchema PartnerProofs { get; } = new("partner_proofs", ["proof_id"],
    [
        Text("proof_id"),
        Text("partner_id"),
        Text("proof_type", CrmVocabulary.ProofTypes),
        Column("recorded_at", CrmColumnType.Timestamp),
    ]);

    /// <summary>The <c>conflicts</c> table.</summary>
    public static EntitySchema Conflicts { get; } = new("conflicts", ["conflict_id"],
    [
        Text("conflict_id"),
        Text("account_id"),
        Text("conflict_type", CrmVocabulary.ConflictTypes),
        Text("cause", CrmVocabulary.ConflictCauses),
        Column("opened_at", CrmColumnType.Timestamp),
        Optional("acknowledged_at", CrmColumnType.Timestamp),
        Optional("resolved_at", CrmColumnType.Timestamp),
        Optional("resolution", CrmColumnType.Text),
    ]);

    /// <summary>Every entity, in DOMAIN.md order.</summary>
    public static IReadOnlyList<EntitySchema> Entities { get; } =
    [
        Partners, Accounts, Opportunities, OpportunityPartners, StageHistory, DealRegistrations,
        LeadRegistrations, Activities, Certifications, CsatResponses, PartnerProofs, Conflicts,
    ];

    /// <summary>Returns the entity whose table is called <paramref name="name"/>, e.g. <c>stage_history</c>.</summary>
    /// <exception cref="ArgumentException">No entity has that name.</exception>
    public static EntitySchema Entity(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var entity in Entities)
        {
            if (entity.Name == name)
            {
                return entity;
            }
        }

        throw new ArgumentException($"No CRM entity is called '{name}'.", nameof(name));
    }

    /// <summary>
    /// The DuckDB SQL type a column of <paramref name="type"/> is stored as: <c>VARCHAR</c>, <c>BIGINT</c>,
    /// <c>DECIMAL(18,2)</c>, <c>BOOLEAN</c>, <c>DATE</c> or <c>TIMESTAMP</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static string DuckDbTypeOf(CrmColumnType type) => type switch
    {
        CrmColumnType.Text => "VARCHAR",
        CrmColumnType.Integer => "BIGINT",
        CrmColumnType.Decimal => "DECIMAL(18,2)",
        CrmColumnType.Boolean => "BOOLEAN",
        CrmColumnType.Date => "DATE",
        CrmColumnType.Timestamp => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a CrmColumnType."),
    };

    private static ColumnSchema Text(string name, IReadOnlyList<string>? acceptedValues = null) =>
        new(name, CrmColumnType.Text, true, acceptedValues);

    private static ColumnSchema Column(string name, CrmColumnType type) => new(name, type, true, null);

    private static ColumnSchema Optional(string name, CrmColumnType type, IReadOnlyList<string>? acceptedValues = null) =>
        new(name, type, false, acceptedValues);
}
