using System.Text.RegularExpressions;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Tests.Crm;

public sealed partial class CrmSchemaTests
{
    [Fact]
    public void Entities_are_the_twelve_tables_of_the_domain_in_order()
    {
        string[] expected =
        [
            "partners", "accounts", "opportunities", "opportunity_partners", "stage_history", "deal_registrations",
            "lead_registrations", "activities", "certifications", "csat_responses", "partner_proofs", "conflicts",
        ];

        Assert.Equal(expected, CrmSchema.Entities.Select(e => e.Name));
    }

    [Theory]
    [InlineData("partners", "partner_id")]
    [InlineData("opportunities", "opportunity_id")]
    [InlineData("opportunity_partners", "opportunity_id,partner_id,role")]
    [InlineData("stage_history", "opportunity_id,stage_index,entered_at")]
    [InlineData("deal_registrations", "registration_id")]
    [InlineData("lead_registrations", "lead_id")]
    [InlineData("csat_responses", "response_id")]
    public void Primary_key_is_as_specified(string entity, string key)
    {
        Assert.Equal(key.Split(','), CrmSchema.Entity(entity).PrimaryKey);
    }

    [Fact]
    public void Primary_key_columns_exist_and_are_required()
    {
        Assert.All(CrmSchema.Entities, entity => Assert.All(entity.PrimaryKey, key => Assert.True(entity.Column(key).Required)));
    }

    [Fact]
    public void Column_names_are_unique_snake_case()
    {
        Assert.All(CrmSchema.Entities, entity =>
        {
            Assert.Equal(entity.Columns.Count, entity.Columns.Select(c => c.Name).Distinct().Count());
            Assert.All(entity.Columns, column => Assert.Matches(SnakeCase(), column.Name));
        });
    }

    [Fact]
    public void Accepted_values_are_distinct_lowercase_words()
    {
        var lists = CrmSchema.Entities.SelectMany(e => e.Columns).Where(c => c.AcceptedValues is not null).Select(c => c.AcceptedValues!);

        Assert.All(lists, values =>
        {
            Assert.Equal(values.Count, values.Distinct().Count());
            Assert.All(values, value => Assert.Matches(SnakeCase(), value));
        });
    }

    [Theory]
    [InlineData("partners", "partner_type", "referral,reseller,marketplace,services,tech")]
    [InlineData("partners", "tier", "registered,select,elite")]
    [InlineData("partners", "status", "active,offboarded")]
    [InlineData("accounts", "segment", "smb,mid_market,enterprise")]
    [InlineData("opportunities", "opportunity_type", "new_business,renewal,expansion")]
    [InlineData("opportunities", "motion", "direct,referral,reseller,marketplace,services,tech")]
    [InlineData("opportunities", "conflict_status", "none,risk,active")]
    [InlineData("opportunity_partners", "role", "referral,reseller,marketplace,services,tech")]
    [InlineData("opportunity_partners", "attribution", "sourced,influenced")]
    [InlineData("deal_registrations", "status", "pending,approved,declined,expired,converted")]
    [InlineData("deal_registrations", "decline_reason", "duplicate,not_qualified,active_cycle,conflict,other")]
    [InlineData("lead_registrations", "status", "pending,approved,declined")]
    [InlineData("activities", "activity_type", "meeting,call,email,note")]
    [InlineData("partner_proofs", "proof_type", "case_study,validated_integration,packaged_service,sow,marketplace_review")]
    [InlineData("conflicts", "conflict_type", "vertical,horizontal,multi_channel")]
    [InlineData("conflicts", "cause", "territory_overlap,duplicate_registration,pricing,renewal_ownership,unclear_rules")]
    public void Enum_like_column_accepts_exactly_the_domain_values(string entity, string column, string values)
    {
        Assert.Equal(values.Split(','), CrmSchema.Entity(entity).Column(column).AcceptedValues);
    }

    [Fact]
    public void Stage_columns_accept_every_stage_of_every_motion_and_the_closed_stages()
    {
        var accepted = CrmSchema.Opportunities.Column("stage").AcceptedValues!;

        Assert.All(MotionStages.Motions.SelectMany(MotionStages.For), stage => Assert.Contains(stage, accepted));
        Assert.Contains("closed_won", accepted);
        Assert.Contains("closed_lost", accepted);
        Assert.Equal(accepted, CrmSchema.StageHistory.Column("stage").AcceptedValues);
    }

    [Fact]
    public void Every_timestamp_column_ends_in_at_and_only_those()
    {
        var columns = CrmSchema.Entities.SelectMany(e => e.Columns).ToList();

        Assert.All(columns, c => Assert.Equal(c.Name.EndsWith("_at", StringComparison.Ordinal), c.Type == CrmColumnType.Timestamp));
    }

    [Theory]
    [InlineData("opportunities", "close_date")]
    [InlineData("deal_registrations", "protection_start")]
    [InlineData("deal_registrations", "protection_end")]
    public void Calendar_day_columns_are_dates(string entity, string column)
    {
        Assert.Equal(CrmColumnType.Date, CrmSchema.Entity(entity).Column(column).Type);
    }

    [Theory]
    [InlineData(CrmColumnType.Text, "VARCHAR")]
    [InlineData(CrmColumnType.Integer, "BIGINT")]
    [InlineData(CrmColumnType.Decimal, "DECIMAL(18,2)")]
    [InlineData(CrmColumnType.Boolean, "BOOLEAN")]
    [InlineData(CrmColumnType.Date, "DATE")]
    [InlineData(CrmColumnType.Timestamp, "TIMESTAMP")]
    public void DuckDbTypeOf_maps_each_column_type(CrmColumnType type, string sql)
    {
        Assert.Equal(sql, CrmSchema.DuckDbTypeOf(type));
        Assert.Equal(sql, new ColumnSchema("x", type, true, null).DuckDbType);
    }

    [Fact]
    public void Entity_and_Column_reject_unknown_names()
    {
        Assert.Throws<ArgumentException>(() => CrmSchema.Entity("deals"));
        Assert.Throws<ArgumentException>(() => CrmSchema.Partners.Column("partner_name"));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
