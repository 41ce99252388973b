using System.Collections;
using System.Globalization;
using Analytics.Pipelines.Sources.Files;
using Analytics.Sources.Postgres.Configuration;
using Npgsql;

namespace Analytics.Sources.Postgres.Reading;

/// <summary>
/// The rows of an open reader as canonical rows: one text per column of the shape (dates yyyy-MM-dd, timestamps ISO 8601
/// in UTC, everything else as PostgreSQL cast it to text), the last column being the record id named in quarantine
/// messages. Rows are read one at a time in sequential access: nothing is held beyond the current row.
/// </summary>
internal sealed class ReplicaRows(NpgsqlDataReader reader, EntityShape shape, PostgresEntityMapping mapping) : IEnumerable<CanonicalRow>
{
    /// <inheritdoc />
    public IEnumerator<CanonicalRow> GetEnumerator()
    {
        var width = shape.Columns.Count;
        long line = 0;
        while (reader.Read())
        {
            var fields = new string?[width];
            for (var i = 0; i < width; i++)
            {
                fields[i] = reader.IsDBNull(i) ? null : Text(i, shape.Columns[i].ReadAs);
            }

            var id = reader.IsDBNull(width) ? null : reader.GetString(width);
            yield return new CanonicalRow(++line, fields, $"{(mapping.Table is null ? "record" : mapping.Table)} {(string.IsNullOrEmpty(id) ? "(no id)" : id)}");
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string Text(int ordinal, ReadAs readAs)
    {
        try
        {
            return readAs switch
            {
                ReadAs.Date => reader.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                // timestamptz arrives in UTC; a timestamp without time zone is taken as UTC (its kind is unspecified).
                ReadAs.Timestamp => reader.GetDateTime(ordinal).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
                _ => reader.GetString(ordinal),
            };
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException)
        {
            // A value .NET cannot hold (a date before year 1): the loader refuses this text and quarantines the row.
            return $"(unreadable {readAs.ToString().ToLowerInvariant()}: {e.Message})";
        }
    }
}
