using Dapper;

namespace Analytics.DuckDb.Tests;

public sealed class DapperTests
{
    public sealed record PartnerRow(string PartnerId, string Tier, decimal Arr, DateOnly JoinedAt, long? Deals);

    [Fact]
    public void Dapper_maps_rows_to_records_with_dollar_parameters()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("""
            create table partners(partner_id varchar, tier varchar, arr decimal(18,2), joined_at date, deals bigint);
            insert into partners values ('P1', 'elite', 125000.50, '2024-01-02', 12), ('P2', 'select', 0, '2025-06-30', null);
            """);

        var rows = connection.Query<PartnerRow>(
            "select partner_id as PartnerId, tier, arr, joined_at as JoinedAt, deals from partners where tier <> $excluded order by partner_id",
            new { excluded = "registered" }).ToList();

        Assert.Equal(
            [new PartnerRow("P1", "elite", 125000.50m, new DateOnly(2024, 1, 2), 12), new PartnerRow("P2", "select", 0m, new DateOnly(2025, 6, 30), null)],
            rows);
    }

    [Fact]
    public void Dapper_executes_inserts_and_scalars()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(id integer, label varchar)");

        var inserted = SqlMapper.Execute(connection, "insert into t values ($id, $label)", new[] { new { id = 1, label = "a" }, new { id = 2, label = "b" } });

        Assert.Equal(2, inserted);
        Assert.Equal("b", connection.ExecuteScalar<string>("select label from t where id = $id", new { id = 2 }));
    }
}
