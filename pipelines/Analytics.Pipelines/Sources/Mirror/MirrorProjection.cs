using DuckDB.NET.Data;
using Analytics.Pipelines.Sources.Files;

namespace Analytics.Pipelines.Sources.Mirror;

/// <summary>What the CRM sources that project a mirror onto the canonical entities in DuckDB (Salesforce, HubSpot) share.</summary>
public static class MirrorProjection
{
    /// <summary>
    /// The rows of <paramref name="sql"/>, whose first <paramref name="width"/> columns are the entity's canonical columns
    /// (as text) and whose next column is the row's origin (object and record id), numbered from 1.
    /// </summary>
    /// <remarks>
    /// Streamed chunk by chunk: the default buffered result holds every row of the entity in DuckDB's memory (4 M stage
    /// changes at 1,000,000 opportunities), past the memory limit, where it cannot spill.
    /// </remarks>
    public static IEnumerable<CanonicalRow> Rows(DuckDBConnection duck, string sql, int width)
    {
        ArgumentNullException.ThrowIfNull(duck);
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        long line = 0;
        while (reader.Read())
        {
            var fields = new string?[width];
            for (var i = 0; i < width; i++)
            {
                fields[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            yield return new CanonicalRow(++line, fields, reader.IsDBNull(width) ? null : reader.GetString(width));
        }
    }
}
