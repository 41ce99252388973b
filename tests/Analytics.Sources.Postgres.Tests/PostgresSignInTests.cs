using Analytics.Sources.Postgres.Configuration;
using Analytics.Pipelines.Sources;
using Analytics.Sources.Postgres.Checking;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Postgres;

namespace Analytics.Sources.Postgres.Tests;

/// <summary>Signing in to a replica that asks for a password (scram-sha-256): the password is used, and never shown.</summary>
[Collection(PostgresServer.Collection)]
public sealed class PostgresSignInTests(PostgresServerFixture server)
{
    private const string Password = "Tr0ub4dor&3-not-for-logs";

    [Fact]
    public async Task A_wrong_password_fails_with_a_message_naming_host_database_and_user_but_never_the_password()
    {
        using var replica = await InHouseReplica.CreateAsync(server, scale: 0.005);
        var asReader = await PostgresServer.CreatePasswordRoleAsync(replica.ConnectionString, "crm_reader", Password);
        var wrong = asReader.Replace(Password, Password + "x", StringComparison.Ordinal);
        var config = replica.Config();
        using var spill = new TempDirectory();
        using var staging = new Analytics.Pipelines.Lake.SnapshotStaging(spill.Path);
        var source = new PostgresSource(config.Source.Postgres, 4000, _ => wrong);

        var error = Assert.Throws<SourceException>(() => source.Extract(InHouseReplica.Day, staging, null));

        Assert.Contains($"postgres: cannot connect to 127.0.0.1:{server.Port}/", error.Message, StringComparison.Ordinal);
        Assert.Contains("as crm_reader: 28P01: password authentication failed for user \"crm_reader\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the connection string in CRM_REPLICA_CONNECTION.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_right_password_the_source_check_reads_every_entity_as_the_reader_role()
    {
        using var replica = await InHouseReplica.CreateAsync(server, scale: 0.005);
        var asReader = await PostgresServer.CreatePasswordRoleAsync(replica.ConnectionString, "crm_checker", Password);

        var report = new PostgresSourceCheck(replica.Config().Source.Postgres, _ => asReader).Run();

        Assert.True(report.CanWork, string.Join("\n", report.Entities.SelectMany(e => e.Problems)));
        Assert.EndsWith(" as crm_checker)", report.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, report.ToString(), StringComparison.Ordinal);
    }
}
