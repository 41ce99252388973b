using Analytics.DuckDb;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Copies the delivery ledger into the warehouse as <c>catalog.deliveries</c> (one row per ledger line, oldest first),
/// so analysts can query deliveries; the ledger file stays the source of truth, since the warehouse is rebuilt nightly.
/// Columns are the ledger's fields, plus <c>ordinal</c> (line order); the ledger's <c>at</c> is <c>recorded_at</c>
/// (AT is a reserved word in DuckDB), a UTC timestamp.
/// </summary>
public static class DeliveryLedgerTable
{
    /// <summary>The table's name.</summary>
    public const string Table = "catalog.deliveries";

    private const int ChunkRows = 200;

    /// <summary>(Re)creates <c>catalog.deliveries</c> with every record of <paramref name="ledger"/>; returns the rows written.</summary>
    /// <exception cref="InvalidDataException">The ledger has a corrupt line (see <see cref="DeliveryLedger.Read"/>).</exception>
    public static int Load(DuckDbConnection connection, DeliveryLedger ledger)
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
        for (var first = 0; first < records.Count; first += ChunkRows)
        {
            var chunk = records.Skip(first).Take(ChunkRows).ToList();
            var rows = new List<string>(chunk.Count);
            var parameters = new List<(string Name, object? Value)>(chunk.Count * 12);
            for (var i = 0; i < chunk.Count; i++)
            {
                var r = chunk[i];
                rows.Add($"($o{i}, $k{i}, $n{i}, $r{i}, $s{i}, $st{i}, $a{i}, $t{i}, $at{i}, $h{i}, $e{i}, $f{i})");
                parameters.AddRange([
                    ($"o{i}", first + i + 1), ($"k{i}", r.DeliveryKey), ($"n{i}", r.Kind), ($"r{i}", r.Recipients.ToArray()),
                    ($"s{i}", r.Subject), ($"st{i}", r.Status == DeliveryStatus.Sent ? "sent" : "failed"), ($"a{i}", r.Attempts),
                    ($"t{i}", r.Transport), ($"at{i}", r.At.UtcDateTime), ($"h{i}", r.ContentSha256), ($"e{i}", r.Error), ($"f{i}", r.File),
                ]);
            }

            WarehouseSql.Execute(connection, $"insert into {Table} values {string.Join(", ", rows)}", [.. parameters]);
        }

        return records.Count;
    }
}
