using System.Data.Common;
using System.Reflection;
using Analytics.DuckDb;

namespace Analytics.Models.StalledDeals;

/// <summary>
/// Reads <see cref="StalledDealRow"/>s from the warehouse's <c>staging.&lt;entity&gt;_as_of</c> views with
/// StalledDealRows.sql. Each row is computed from its own snapshot's partition only, so deleting every later snapshot
/// leaves it unchanged (only its label becomes unknown).
/// </summary>
public static class StalledDealRows
{
    /// <summary>The query, as embedded in the assembly.</summary>
    public static string Sql { get; } = ReadSql();

    /// <summary>Streams the rows of the snapshots landed between <paramref name="from"/> and <paramref name="to"/> (inclusive), ordered by snapshot and opportunity.</summary>
    public static IEnumerable<StalledDealRow> Read(DuckDbConnection connection, DateOnly from, DateOnly to, int horizonDays)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.Add(new DuckDbParameter("from", from));
        command.Parameters.Add(new DuckDbParameter("to", to));
        command.Parameters.Add(new DuckDbParameter("horizon", horizonDays));
        using var reader = command.ExecuteReader();
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
        r.GetInt32(4),
        r.GetDouble(5),
        r.GetDouble(6),
        r.IsDBNull(7) ? null : r.GetDouble(7),
        r.GetDouble(8),
        r.GetDouble(9),
        r.GetInt32(10),
        r.GetString(11),
        r.GetInt32(12),
        r.GetInt32(13),
        r.GetInt32(14),
        r.GetDouble(15),
        r.GetBoolean(16),
        r.IsDBNull(17) ? null : r.GetInt32(17),
        r.GetString(18),
        r.GetInt32(19),
        r.IsDBNull(20) ? null : r.GetFieldValue<DateOnly>(20),
        r.IsDBNull(21) ? null : r.GetBoolean(21));

    private static string ReadSql()
    {
        var assembly = typeof(StalledDealRows).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("StalledDealRows.sql", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var text = new StreamReader(stream);
        return text.ReadToEnd();
    }
}
