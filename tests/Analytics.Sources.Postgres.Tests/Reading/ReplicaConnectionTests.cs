using Analytics.Pipelines.Sources;
using Analytics.Sources.Postgres.Reading;

namespace Analytics.Sources.Postgres.Tests.Reading;

public sealed class ReplicaConnectionTests
{
    [Fact]
    public void An_unset_variable_is_named_with_an_example_of_what_it_should_hold()
    {
        var error = Assert.Throws<SourceException>(() => ReplicaConnection.FromEnvironment("CRM_REPLICA", _ => null));

        Assert.StartsWith("postgres: the environment variable CRM_REPLICA (source.postgres.connection_string_variable) is not set;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgresql_uri_is_read_and_described_without_its_password()
    {
        var replica = ReplicaConnection.FromEnvironment("V", _ => "postgresql://analytics:p%40ss-w0rd@crm-replica.internal:6432/crm?sslmode=require&application_name=nightly");

        Assert.Equal("crm-replica.internal:6432/crm as analytics", replica.Description);
        Assert.Equal("failed for *** at ***", replica.Redact("failed for p@ss-w0rd at p@ss-w0rd"));
    }

    [Fact]
    public void A_connection_string_that_cannot_be_parsed_is_refused_without_quoting_its_values()
    {
        var error = Assert.Throws<SourceException>(() => ReplicaConnection.FromEnvironment("V", _ => "Host=db;Password=Sup3rSecret;Pooling=perhaps"));

        Assert.StartsWith("postgres: the value of V is not a PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("perhaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uri_parameter_it_does_not_know_is_refused_by_name()
    {
        var error = Assert.Throws<SourceException>(() => ReplicaConnection.FromEnvironment("V", _ => "postgres://u:Sup3rSecret@db/crm?target_session_attrs=any"));

        Assert.Contains("the URI parameter 'target_session_attrs' is not supported", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecret", error.Message, StringComparison.Ordinal);
    }
}
