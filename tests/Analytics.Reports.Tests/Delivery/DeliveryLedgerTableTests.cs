using Analytics.Pipelines.Resilience;
using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Reports.Delivery;
using Dapper;
using Analytics.TestSupport.Files;

namespace Analytics.Reports.Tests.Delivery;

public sealed class DeliveryLedgerTableTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_ledger_is_loaded_into_catalog_deliveries_of_a_warehouse_file_and_reloading_replaces_it()
    {
        var outbox = _temp.Combine("outbox");
        var ledger = DeliveryLedger.ForOutbox(outbox);
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));
        var emails = DeliveryFixtures.WeeklyEmails("ana@example.com", "not an address", "chen@example.org");
        await new Deliverer(new OutboxTransport(outbox, clock), ledger, RetryPolicy.Default, clock: clock)
            .DeliverAsync(emails, CancellationToken.None);
        var warehouse = _temp.Combine("analytics.duckdb");

        using (var connection = DuckDbFile.Open(warehouse))
        {
            Assert.Equal(3, DeliveryLedgerTable.Load(connection, ledger));
            Assert.Equal(3, DeliveryLedgerTable.Load(connection, ledger));
        }

        using var reader = DuckDbFile.Open(warehouse, readOnly: true);
        var columns = reader.Query<string>(
            "select column_name from information_schema.columns where table_schema = 'catalog' and table_name = 'deliveries' order by ordinal_position");
        Assert.Equal(
            ["ordinal", "delivery_key", "kind", "recipients", "subject", "status", "attempts", "transport", "recorded_at", "content_sha256", "error", "file"],
            columns);
        Assert.Equal(3L, reader.ExecuteScalar<long>("select count(*) from catalog.deliveries"));
        var rows = reader.Query<(int Ordinal, string Key, string Status, string Recipient, DateTime At, string? Error, string? File, string Sha)>(
            "select ordinal, delivery_key, status, recipients[1], recorded_at, error, file, content_sha256 from catalog.deliveries order by ordinal").ToList();
        Assert.Equal([1, 2, 3], rows.Select(r => r.Ordinal));
        Assert.Equal(["sent", "failed", "sent"], rows.Select(r => r.Status));
        Assert.Equal(emails.Select(e => e.To[0]), rows.Select(r => r.Recipient));
        Assert.All(rows, r => Assert.Equal(new DateTime(2026, 11, 23, 7, 30, 0), r.At));
        Assert.Contains("not a valid email address", rows[1].Error, StringComparison.Ordinal);
        Assert.Null(rows[1].File);
        Assert.True(File.Exists(rows[0].File));
        Assert.Equal(emails[0].ContentSha256, rows[0].Sha);
    }

    [Fact]
    public void An_empty_ledger_gives_an_empty_table()
    {
        using var connection = DuckDbFile.OpenInMemory();

        Assert.Equal(0, DeliveryLedgerTable.Load(connection, DeliveryLedger.ForOutbox(_temp.Path)));

        Assert.Equal(0L, connection.ExecuteScalar<long>("select count(*) from catalog.deliveries"));
    }

    [Fact]
    public void Loading_describes_the_table_and_every_column_in_the_catalog()
    {
        using var connection = DuckDbFile.OpenInMemory();

        DeliveryLedgerTable.Load(connection, DeliveryLedger.ForOutbox(_temp.Path));
        DeliveryLedgerTable.Load(connection, DeliveryLedger.ForOutbox(_temp.Path));

        Assert.Equal("catalog|table", connection.QuerySingle<string>("select layer || '|' || materialization from catalog.models where model_name = 'catalog.deliveries'"));
        Assert.Equal(12L, connection.ExecuteScalar<long>("select count(*) from catalog.columns where model_name = 'catalog.deliveries' and description <> ''"));
        Assert.StartsWith("What was delivered", connection.ExecuteScalar<string>(
            "select comment from duckdb_columns() where table_name = 'deliveries' and column_name = 'delivery_key'"), StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
