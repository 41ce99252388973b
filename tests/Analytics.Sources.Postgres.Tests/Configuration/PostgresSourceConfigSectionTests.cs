using Analytics.Pipelines.Configuration;
using Analytics.Sources.Postgres.Configuration;
using Analytics.TestSupport.Postgres.InHouseCrm;

namespace Analytics.Sources.Postgres.Tests.Configuration;

public sealed class PostgresSourceConfigSectionTests
{
    [Fact]
    public void The_documented_example_maps_every_entity_in_schema_order()
    {
        var config = Load(InHouseCrmExample.SourceYaml()).Source.Postgres;

        Assert.Equal("CRM_REPLICA_CONNECTION", config.ConnectionStringVariable);
        Assert.Equal(TimeSpan.FromMinutes(30), config.StatementTimeout);
        Assert.Equal(Analytics.Pipelines.Crm.CrmSchema.Entities.Select(e => e.Name), config.Entities.Select(e => e.Entity));
        Assert.Equal("arr_cents / 100.0", config.For("opportunities").Columns["arr"]);
        Assert.Equal("link_id", config.For("opportunity_partners").RecordId);
    }

    [Fact]
    public void Another_source_kind_needs_no_postgres_section()
    {
        var config = Load("source:\n  kind: demo\n").Source.Postgres;

        Assert.Null(config.ConnectionStringVariable);
        Assert.Empty(config.Entities);
    }

    [Theory]
    [InlineData("    entities: {}\n", "'source.postgres.connection_string_variable' is required")]
    [InlineData("    connection_string_variable: \"postgres://u:p@h/db\"\n", "is not an environment variable name")]
    [InlineData("    connection_string_variable: V\n    entities:\n      partners: { table: crm.p }\n", "must map every canonical entity; missing: accounts, opportunities")]
    [InlineData("    connection_string_variable: V\n    entities:\n      deals: { table: crm.deal }\n", "'source.postgres.entities.deals' is not a canonical entity")]
    [InlineData("    connection_string_variable: V\n    entities:\n      partners: { table: crm.p, query: select 1 }\n", "needs exactly one of table (with columns) or query")]
    [InlineData("    connection_string_variable: V\n    entities:\n      partners: { table: \"crm.p; drop table x\" }\n", "is not a table name")]
    [InlineData("    connection_string_variable: V\n    entities:\n      partners: { table: crm.p, columns: { amount: x } }\n", "'source.postgres.entities.partners.columns.amount' is not a column of partners")]
    [InlineData("    connection_string_variable: V\n    entities:\n      partners: { query: select 1, columns: { name: x } }\n", "applies to a table only")]
    [InlineData("    connection_string_variable: V\n    statement_timeout_seconds: 0\n", "must be a whole number from 1 to 86400")]
    [InlineData("    connection_string: Host=db\n", "unknown key 'connection_string' under 'source.postgres'")]
    public void A_bad_section_is_refused_naming_the_key(string section, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load("source:\n  kind: postgres\n  postgres:\n" + section));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("pipeline.yaml:", error.Message, StringComparison.Ordinal);
    }

    private static PipelineConfig Load(string yaml) => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", PostgresSourceConfigSection.Instance);
}
