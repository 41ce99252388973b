using System.Globalization;
using Analytics.Pipelines.Crm;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.TestSupport.Postgres.InHouseCrm;

/// <summary>
/// The example in-house CRM schema (<c>InHouseCrmSchema.sql</c>): its DDL, and where each canonical entity's columns
/// live in it: the inverse of docs/examples/postgres-in-house-crm.yaml.
/// </summary>
public static class InHouseCrmSchema
{
    /// <summary>The enum type of <c>crm.deal.deal_kind</c>.</summary>
    public const string DealKindType = "crm.deal_kind";

    /// <summary>The DDL creating schema <c>crm</c> and its tables.</summary>
    public static string Ddl { get; } = ReadDdl();

    /// <summary>Per canonical entity (schema order), its table. Partner accounts have a leading surrogate <c>id</c> the seeder assigns.</summary>
    public static IReadOnlyList<InHouseTable> Tables { get; } =
    [
        Table(CrmSchema.Partners, "crm.partner_account",
            ["account_no", "display_name", "partner_kind", "program_tier", "region", "vertical", "manager_email", "joined_on", "lifecycle", "offboarded_on"]),
        Table(CrmSchema.Accounts, "crm.customer",
            ["customer_no", "legal_name", "web_domain", "sales_region", "segment_code", "account_owner", "incumbent_partner_no"]),
        Table(CrmSchema.Opportunities, "crm.deal",
            ["deal_no", "customer_no", "title", "deal_kind", "motion", "stage", "stage_no", "is_closed", "is_won", "arr_cents", "opened_at",
             "expected_close", "closed_at", "owner_email", "next_step", "next_step_at", "last_touch_at", "registration_no", "conflict_state", "loss_reason"],
            ("stage_no", NpgsqlDbType.Smallint, v => v is long n ? (short)n : null),
            ("arr_cents", NpgsqlDbType.Bigint, v => v is decimal arr ? (long)(arr * 100) : null),
            ("expected_close", NpgsqlDbType.Text, v => v is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null)),
        Table(CrmSchema.OpportunityPartners, "crm.deal_partner",
            ["deal_no", "partner_account_id", "partner_role", "credit", "credit_pct", "linked_at"]),
        Table(CrmSchema.StageHistory, "crm.deal_stage_log",
            ["deal_no", "stage", "stage_no", "entered_at"],
            ("stage_no", NpgsqlDbType.Smallint, v => v is long n ? (short)n : null)),
        Table(CrmSchema.DealRegistrations, "crm.deal_registration",
            ["reg_no", "partner_no", "customer_no", "company", "company_domain", "deal_no", "submitted_at", "decided_at", "state", "decline_code",
             "protected_from", "protected_until", "extension_count"],
            ("extension_count", NpgsqlDbType.Integer, v => v is long n ? (int)n : null)),
        Table(CrmSchema.LeadRegistrations, "crm.lead_registration",
            ["lead_no", "partner_no", "company", "company_domain", "submitted_at", "first_response_at", "decided_at", "state", "first_meeting_at", "converted_deal_no"]),
        Table(CrmSchema.Activities, "crm.activity", ["activity_no", "deal_no", "partner_no", "kind", "happened_at"]),
        Table(CrmSchema.Certifications, "crm.certification", ["cert_no", "partner_no", "holder_email", "course", "earned_at", "expires_at"]),
        Table(CrmSchema.CsatResponses, "crm.csat_survey", ["response_no", "partner_no", "customer_no", "score", "answered_at"],
            ("score", NpgsqlDbType.Smallint, v => v is long n ? (short)n : null)),
        Table(CrmSchema.PartnerProofs, "crm.partner_proof", ["proof_no", "partner_no", "proof_kind", "recorded_at"]),
        Table(CrmSchema.Conflicts, "crm.channel_conflict",
            ["conflict_no", "customer_no", "conflict_kind", "cause", "opened_at", "acknowledged_at", "resolved_at", "resolution"]),
    ];

    /// <summary>Creates schema <c>crm</c> in the database of <paramref name="connectionString"/>.</summary>
    public static async Task CreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Ddl, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The canonical type's PostgreSQL type as the in-house tables store it by default.</summary>
    public static NpgsqlDbType TypeOf(CrmColumnType type) => type switch
    {
        CrmColumnType.Integer => NpgsqlDbType.Bigint,
        CrmColumnType.Decimal => NpgsqlDbType.Numeric,
        CrmColumnType.Boolean => NpgsqlDbType.Boolean,
        CrmColumnType.Date => NpgsqlDbType.Date,
        CrmColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Text,
    };

    private static InHouseTable Table(EntitySchema entity, string table, string[] columns, params (string Column, NpgsqlDbType Type, Func<object?, object?> Convert)[] conversions)
    {
        if (columns.Length != entity.Columns.Count)
        {
            throw new InvalidOperationException($"{table} names {columns.Length} columns for the {entity.Columns.Count} of {entity.Name}.");
        }

        return new InHouseTable(entity.Name, table, columns, conversions.ToDictionary(c => c.Column, c => (c.Type, c.Convert), StringComparer.Ordinal));
    }

    private static string ReadDdl()
    {
        using var stream = typeof(InHouseCrmSchema).Assembly.GetManifestResourceStream("InHouseCrmSchema.sql")
            ?? throw new InvalidOperationException("InHouseCrmSchema.sql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
