using Analytics.Pipelines.Configuration;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Configuration;
using Analytics.Sources.Salesforce.Mapping;

namespace Analytics.Sources.Salesforce.Tests.Configuration;

public sealed class SalesforceSourceConfigSectionTests
{
    private static readonly string File = Path.Combine(Path.GetTempPath(), "cfg", "pipeline.yaml");

    private static SalesforceSourceConfig Parse(string yaml) =>
        PipelineConfigLoader.Parse(yaml, File, SalesforceSourceConfigExtensions.Sections).Source.Salesforce;

    private const string Minimal = """
        source:
          kind: demo
          salesforce:
            auth:
              consumer_key: 3MVG9abc
              username: integration@example.com
              private_key_file_variable: SF_KEY_FILE
        """;

    [Fact]
    public void A_minimal_section_gets_the_documented_defaults()
    {
        var config = Parse(Minimal);

        Assert.Equal(new Uri("https://login.salesforce.com"), config.Connection.LoginUrl);
        Assert.Equal("66.0", config.Connection.ApiVersion);
        Assert.Equal(SalesforceAuthFlow.JwtBearer, config.Connection.Auth.Flow);
        Assert.Equal("SF_KEY_FILE", config.Connection.Auth.PrivateKeyFileVariable);
        Assert.Equal(50_000, config.BulkThreshold);
        Assert.Equal(TimeSpan.FromMinutes(10), config.Lookback);
        Assert.Equal(0.25, config.Connection.MaxApiShare);
        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "cfg", "data/sources/salesforce")), config.StateFolder);
        Assert.Same(SalesforceMapping.Default.For(Pipelines.Crm.CrmSchema.Opportunities), config.Mapping.For(Pipelines.Crm.CrmSchema.Opportunities));
    }

    [Fact]
    public void Without_a_salesforce_section_the_configuration_still_loads()
    {
        var config = Parse("source:\n  kind: demo\n");

        Assert.Equal(SalesforceAuthFlow.JwtBearer, config.Connection.Auth.Flow);
        Assert.Equal(12, config.Mapping.Entities.Count);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var config = Parse("""
            source:
              salesforce:
                login_url: https://acme.my.salesforce.com
                api_version: "62.0"
                auth:
                  flow: client_credentials
                  consumer_key_variable: SF_KEY
                  client_secret_variable: SF_SECRET
                bulk_threshold: 0
                lookback_minutes: 30
                max_api_share: 0.1
                request_timeout_seconds: 30
                retry: { attempts: 3, initial_delay_seconds: 1, max_delay_seconds: 5 }
                state_folder: /var/sf
            """);

        Assert.Equal("https://acme.my.salesforce.com/", config.Connection.LoginUrl.ToString());
        Assert.Equal("62.0", config.Connection.ApiVersion);
        Assert.Equal(SalesforceAuthFlow.ClientCredentials, config.Connection.Auth.Flow);
        Assert.Equal("SF_SECRET", config.Connection.Auth.ClientSecretVariable);
        Assert.Equal(0, config.BulkThreshold);
        Assert.Equal(TimeSpan.FromMinutes(30), config.Lookback);
        Assert.Equal(0.1, config.Connection.MaxApiShare);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Connection.RequestTimeout);
        Assert.Equal(3, config.Connection.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), config.Connection.Retry.MaxDelay);
        Assert.Equal(Path.GetFullPath("/var/sf"), config.StateFolder);
    }

    [Theory]
    [InlineData("    bulk_treshold: 5\n", "pipeline.yaml:8: unknown key 'bulk_treshold' under 'source.salesforce'")]
    [InlineData("    api_version: latest\n", "pipeline.yaml:8: 'source.salesforce.api_version' must be a pinned API version")]
    [InlineData("    login_url: http://login.salesforce.com\n", "pipeline.yaml:8: 'source.salesforce.login_url' must be an https URL")]
    [InlineData("    lookback_minutes: -1\n", "pipeline.yaml:8: 'source.salesforce.lookback_minutes' must be a whole number from 0 to 1440")]
    public void A_bad_setting_names_the_file_line_and_key(string line, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse(Minimal + "\n" + line));

        Assert.Contains(expected, error.Message.Replace(File, "pipeline.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_jwt_flow_without_its_key_variable_says_what_is_missing()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("source:\n  salesforce:\n    auth:\n      consumer_key: k\n      username: u\n"));

        Assert.Contains("'source.salesforce.auth.private_key_file_variable' is required for flow jwt_bearer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_written_in_place_of_a_variable_name_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("source:\n  salesforce:\n    auth:\n      flow: client_credentials\n      consumer_key_variable: SF_KEY\n      client_secret_variable: s3cr3t-v@lue!\n"));

        Assert.Contains("is not an environment variable name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_entity_replaces_its_default_wholesale_and_leaves_the_others()
    {
        var config = Parse(Minimal + """

                mapping:
                  opportunity_partners:
                    object: OpportunityPartner
                    columns: { opportunity_id: OpportunityId, partner_id: AccountToId, role: Role, added_at: CreatedDate }
                    values: { role: { "System Integrator": services } }
            """);

        var source = Assert.Single(config.Mapping.For(Pipelines.Crm.CrmSchema.OpportunityPartners).Sources);
        Assert.Equal("OpportunityPartner", source.Object);
        Assert.Equal(4, source.Columns.Count);
        Assert.Equal("services", source.Values["role"]["System Integrator"]);
        Assert.Equal("Opportunity", config.Mapping.For(Pipelines.Crm.CrmSchema.Opportunities).Sources[0].Object);
    }

    [Theory]
    [InlineData("      foo:\n        object: X\n", "'source.salesforce.mapping.foo' is not a canonical entity")]
    [InlineData("      accounts:\n        object: Account\n        columns: { account_id: Id, colour: Color__c }\n", "'source.salesforce.mapping.accounts.columns.colour' is not a column of accounts")]
    [InlineData("      accounts:\n        object: Account\n        columns: { account_id: Id }\n", "'source.salesforce.mapping.accounts.columns' must map the required column name")]
    [InlineData("      accounts:\n        object: Account\n        colums: {}\n", "unknown key 'colums' under 'source.salesforce.mapping.accounts'")]
    [InlineData("      stage_history:\n        object: OpportunityHistory\n        columns: { opportunity_id: OpportunityId, stage: StageName, entered_at: CreatedDate }\n", "must map stage_index, or map stage and sales_process or motion")]
    [InlineData("      accounts:\n        object: Account\n        columns: { account_id: Id, name: 'Name + 1' }\n", "is neither a field path")]
    public void A_bad_mapping_names_the_line_and_what_is_allowed(string mapping, string expected)
    {
        var yaml = Minimal + "\n    mapping:\n" + mapping;

        var error = Assert.Throws<ConfigurationException>(() => Parse(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"pipeline\.yaml:\d+: ", error.Message);
    }

    [Fact]
    public void The_default_mapping_covers_every_entity_with_the_documented_objects()
    {
        var mapping = SalesforceMapping.Default;

        Assert.Equal(Pipelines.Crm.CrmSchema.Entities.Select(e => e.Name).Order(), mapping.Entities.Keys.Order());
        Assert.Equal(["Task", "Event"], mapping.Entities["activities"].Sources.Select(s => s.Object));
        Assert.Equal(new ConstantColumn("meeting"), mapping.Entities["activities"].Sources[1].Columns["activity_type"]);
        Assert.Equal(new LookupColumn("ProcessInstance", "TargetObjectId", "CreatedDate", "CreatedDate"), mapping.Entities["deal_registrations"].Sources[0].Columns["submitted_at"]);
        Assert.Equal("closed_won", mapping.Entities["opportunities"].Sources[0].Values["stage"]["Closed Won"]);
        Assert.Contains("ProcessInstance", mapping.Objects);
    }

    [Fact]
    public void The_description_names_the_login_url_and_version_and_never_a_secret()
    {
        var config = Parse(Minimal);

        Assert.Equal("salesforce (https://login.salesforce.com, API v66.0)", new SalesforceSource(config, 1000, TimeProvider.System).Description);
    }
}
