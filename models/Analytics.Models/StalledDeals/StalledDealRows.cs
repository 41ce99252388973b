using System.Data.Common;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// Reads <see cref="StalledDealRow"/>s from the warehouse's <c>staging.&lt;entity&gt;_as_of</c> views with
/// StalledDealRows.sql. Each row is computed from its own snapshot's partition only, so deleting every later snapshot
/// leaves it unchanged (only its label becomes unknown).
/// </summary>
public static class StalledDealRows
{
    /// <summary>The query, as embedded in the assembly.</summary>
    public static string Sql => EmbeddedSql.Read(typeof(StalledDealRows), "StalledDealRows");

    /// <summary>Streams the rows of the snapshots landed between <paramref name="from"/> and <paramref name="to"/> (inclusive), ordered by snapshot and opportunity.</summary>
    public static IEnumerable<StalledDealRow> Read(DuckDBConnection connection, DateOnly from, DateOnly to, int horizonDays, int fiscalYearStartMonth)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.UseStreamingMode = true; // a million feature rows stream through, one DuckDB chunk at a time
        command.Parameters.Add(new DuckDBParameter("from", from));
        command.Parameters.Add(new DuckDBParameter("to", to));
        command.Parameters.Add(new DuckDBParameter("horizon", horizonDays));
        command.Parameters.Add(new DuckDBParameter("fiscal_month", fiscalYearStartMonth));
        using var reader = command.ExecuteReader();
        foreach (var row in ReadAll(reader))
        {
            yield return row;
        }
    }

    /// <summary>Streams rows from a reader over a query with StalledDealRows.sql's columns, in its order.</summary>
    public static IEnumerable<StalledDealRow> ReadAll(DbDataReader reader)
    {
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    private static StalledDealRow ReadRow(DbDataReader r) => new(
        r.GetFieldValue<DateOnly>(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetInt32(5),
        r.GetDouble(6),
        r.GetDouble(7),
        r.IsDBNull(8) ? null : r.GetDouble(8),
        r.GetDouble(9),
        r.GetDouble(10),
        r.GetInt32(11),
        r.GetString(12),
        r.GetInt32(13),
        r.GetInt32(14),
        r.GetInt32(15),
        r.GetDouble(16),
        r.GetBoolean(17),
        r.IsDBNull(18) ? null : r.GetInt32(18),
        r.GetString(19),
        r.GetInt32(20),
        r.GetDouble(21),
        r.GetInt32(22),
        r.GetInt32(23),
        r.GetDouble(24),
        r.IsDBNull(25) ? null : r.GetFieldValue<DateOnly>(25),
        r.IsDBNull(26) ? null : r.GetBoolean(26));
}
