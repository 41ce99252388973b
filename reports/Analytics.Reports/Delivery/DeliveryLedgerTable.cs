using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Copies the delivery ledger into the warehouse as <c>catalog.deliveries</c> (one row per ledger line, oldest first),
/// so analysts can query deliveries; the ledger file stays the source of truth, since the warehouse is rebuilt nightly.
/// Columns are the ledger's fields, plus <c>ordinal</c> (line order); the ledger's <c>at</c> is <c>recorded_at</c>
/// (AT is a reserved word in DuckDB), a UTC timestamp. Each load also describes the table in the catalog.
/// </summary>
public static class DeliveryLedgerTable
{
    /// <summary>The table's name.</summary>
    public const string Table = "catalog.deliveries";

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["ordinal"] = "The ledger line, from 1 (oldest first).",
        ["delivery_key"] = "What was delivered, e.g. weekly/2026-W47/<manager email> or alert/<run id>; sent once per key.",
        ["kind"] = "What the email is: weekly_scorecard or run_alert.",
        ["recipients"] = "Its recipients.",
        ["subject"] = "Its subject line.",
        ["status"] = "sent, or failed (after the retries; a later run tries the key again).",
        ["attempts"] = "Attempts made in that run: 1 when the first succeeded.",
        ["transport"] = "How it went out: the outbox folder, or the SMTP host and port (never a secret).",
        ["recorded_at"] = "When the outcome was recorded (UTC); the ledger's at.",
        ["content_sha256"] = "SHA-256 of the subject, both bodies and the attachments: the same content gives the same hash, so it shows whether a re-built email changed.",
        ["error"] = "Why the last attempt failed, scrubbed of secrets; null when sent.",
        ["file"] = "The .eml file the outbox transport wrote; null for SMTP or a failure.",
    };

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
        CatalogTables.Describe(connection, Table,
            "Every email the pipeline delivered or failed to deliver (weekly scorecards, run alerts), oldest first: a copy of the delivery ledger "
            + "data/outbox/deliveries.jsonl, the source of truth, reloaded after every run and every `analytics email weekly`. "
            + "A delivery key already sent is never sent again (docs/reports.md).",
            "one row per delivery outcome (a line of the ledger)", [], Columns, null);
        return records.Count;
    }
}
