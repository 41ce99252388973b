using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Copies the delivery ledger into the warehouse as <c>catalog.deliveries</c> (one row per ledger line, oldest first),
/// so analysts can query deliveries; the ledger file stays the source of truth, since the warehouse is rebuilt nightly.
/// Columns are the ledger's fields, plus <c>ordinal</c> (line order); the ledger's <c>at</c> is <c>recorded_at</c>
/// (AT is a reserved word in DuckDB), a UTC timestamp. Each load also describes the table in the catalog
/// (pipelines/transforms/tables/catalog/deliveries.yml).
/// </summary>
public static class DeliveryLedgerTable
{
    /// <summary>The table's name.</summary>
    public const string Table = "catalog.deliveries";

    /// <summary>(Re)creates <c>catalog.deliveries</c> with every record of <paramref name="ledger"/>; returns the rows written.</summary>
    /// <exception cref="InvalidDataException">The ledger has a corrupt line (see <see cref="DeliveryLedger.Read"/>).</exception>
    public static int Load(DuckDBConnection connection, DeliveryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(ledger);
        var records = ledger.Read();
        // No transaction of its own: the caller's, if any, covers the load. Rows go in chunks, not one statement each.
        WarehouseSql.Execute(connection, "create schema if not exists catalog");
        WarehouseSql.Execute(connection, $"""
            create or replace table {Table} (
                ordinal integer not null, delivery_key varchar not null, kind varchar not null, recipients varchar[] not null,
                subject varchar not null, status varchar not null, attempts integer not null, transport varchar not null,
                recorded_at timestamp not null, content_sha256 varchar not null, error varchar, file varchar)
            """);
        WarehouseSql.InsertRows(connection, Table, records.Select((r, i) => new object?[]
        {
            i + 1, r.DeliveryKey, r.Kind, r.Recipients.ToArray(), r.Subject, r.Status == DeliveryStatus.Sent ? "sent" : "failed", r.Attempts,
            r.Transport, r.At.UtcDateTime, r.ContentSha256, r.Error, r.File,
        }));
        CatalogTables.Describe(connection, Table, [], null);
        return records.Count;
    }
}
