using Analytics.Sources.Postgres.Configuration;
using Analytics.Sources.Postgres.Checking;
using Analytics.TestSupport.Postgres;

namespace Analytics.Sources.Postgres.Tests.Checking;

[Collection(PostgresServer.Collection)]
public sealed class PostgresSourceCheckTests(PostgresServerFixture server)
{
    [Fact]
    public async Task The_check_gives_each_entitys_columns_with_their_types_and_its_row_count()
    {
        using var replica = await InHouseReplica.CreateAsync(server);

        var report = new PostgresSourceCheck(replica.Config().Source.Postgres, replica.Environment).Run();

        Assert.True(report.CanWork);
        Assert.StartsWith("15.", report.ServerVersion, StringComparison.Ordinal);
        var deals = report.Entities.Single(e => e.Entity == "opportunities");
        Assert.Equal("crm.deal", deals.Origin);
        Assert.Equal(replica.Seeded["opportunities"], deals.RecordCount);
        Assert.Contains("opportunity_type crm.deal_kind", deals.Columns);
        Assert.Contains("arr numeric", deals.Columns);
        Assert.Contains("close_date text", deals.Columns);
        Assert.Contains("created_at timestamp with time zone", deals.Columns);
        var partners = report.Entities.Single(e => e.Entity == "opportunity_partners");
        Assert.Equal("query", partners.Origin);
        Assert.Empty(partners.Ignored); // link_id is its record id
        Assert.All(report.Entities, e => Assert.Equal(replica.Seeded.GetValueOrDefault(e.Entity), e.RecordCount));
    }

    [Fact]
    public async Task The_check_reports_every_entity_that_cannot_be_read_and_counts_the_others()
    {
        using var replica = await InHouseReplica.CreateAsync(server);
        var config = replica.Config(
            ("          arr: arr_cents / 100.0", "          arr: arr_cents > 0"),
            ("table: crm.partner_proof", "table: crm.proofs"));

        var report = new PostgresSourceCheck(config.Source.Postgres, replica.Environment).Run();

        Assert.False(report.CanWork);
        Assert.Equal(
            ["postgres opportunities (crm.deal): column arr (mapped from arr_cents > 0) is boolean; expected a number (numeric, an integer type, real, double precision) or text. Map it to a column or expression of that type (cast if needed: arr: (...)::numeric)."],
            report.Entities.Single(e => e.Entity == "opportunities").Problems);
        Assert.Null(report.Entities.Single(e => e.Entity == "opportunities").RecordCount);
        Assert.Contains("relation \"crm.proofs\" does not exist", Assert.Single(report.Entities.Single(e => e.Entity == "partner_proofs").Problems), StringComparison.Ordinal);
        Assert.Equal(replica.Seeded["conflicts"], report.Entities.Single(e => e.Entity == "conflicts").RecordCount);
    }
}
