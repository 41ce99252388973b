using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// Turns the raw records of one entity's file into canonical typed rows: maps source columns to canonical ones,
/// parses every field strictly, checks the rules that span fields (<see cref="RowRules"/>), and rejects duplicate
/// primary keys after the first occurrence. Each failure becomes a
/// quarantined row naming the file, line, field and problem; every record read is either staged or quarantined.
/// </summary>
internal sealed class EntityFileParser(EntitySchema entity, EntityFileConfig file, FieldParser fields)
{
    /// <summary>Canonical column → the source column it is read from.</summary>
    public string SourceColumn(ColumnSchema column) => file.Columns.TryGetValue(column.Name, out var source) ? source : column.Name;

    /// <summary>Reads every record of <paramref name="reader"/> into <paramref name="staging"/>; returns how many were read.</summary>
    /// <param name="reader">The records.</param>
    /// <param name="staging">Where valid rows are staged and invalid ones quarantined.</param>
    /// <param name="sortedByKey">
    /// True when the records arrive ordered by primary key, so a duplicate follows its first occurrence: only the previous
    /// key is kept instead of every key seen, and memory stays flat whatever the row count (a source that sorts its rows
    /// in DuckDB). Files arrive in any order, so the file drop keeps every key.
    /// </param>
    public long Load(IRawRecordReader reader, SnapshotStaging staging, bool sortedByKey = false)
    {
        var positions = MapColumns(reader.Header);
        var keyPositions = entity.PrimaryKey.Select(k => entity.Columns.ToList().FindIndex(c => c.Name == k)).ToArray();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        string? previousKey = null;
        long read = 0;
        foreach (var record in reader.Records())
        {
            read++;
            if (record.Fields is null)
            {
                staging.Quarantine(new QuarantinedRow(entity.Name, file.File, record.Line, CanonicalName(record.ErrorColumn), null, record.Error!));
                continue;
            }

            if (record.Fields.Length != reader.Header.Count)
            {
                staging.Quarantine(new QuarantinedRow(entity.Name, file.File, record.Line, null, null,
                    $"has {record.Fields.Length} fields; the header has {reader.Header.Count}"));
                continue;
            }

            var values = new object?[entity.Columns.Count];
            QuarantinedRow? problem = null;
            for (var i = 0; i < values.Length && problem is null; i++)
            {
                var column = entity.Columns[i];
                var text = positions[i] < 0 ? null : record.Fields[positions[i]];
                if (!fields.TryParse(column, text, out values[i], out var reason))
                {
                    problem = new QuarantinedRow(entity.Name, file.File, record.Line, column.Name, text, reason!);
                }
            }

            if (problem is null && RowRules.Check(entity, values) is { } rule)
            {
                problem = new QuarantinedRow(entity.Name, file.File, record.Line, rule.Field, rule.Value, rule.Reason);
            }

            if (problem is null)
            {
                var key = string.Join('\u001f', keyPositions.Select(p => Convert.ToString(values[p], System.Globalization.CultureInfo.InvariantCulture)));
                var duplicate = sortedByKey ? key == previousKey : !seenKeys.Add(key);
                previousKey = key;
                if (duplicate)
                {
                    problem = new QuarantinedRow(entity.Name, file.File, record.Line, string.Join(", ", entity.PrimaryKey), key.Replace('\u001f', ','),
                        "duplicates the primary key of an earlier row (the first occurrence was kept)");
                }
            }

            if (problem is null)
            {
                staging.Append(entity, values);
            }
            else
            {
                staging.Quarantine(record.Origin is null ? problem : problem with { Reason = $"{problem.Reason} ({record.Origin})" });
            }
        }

        return read;
    }

    /// <summary>Source position of each canonical column (-1 when an optional column is absent from the file).</summary>
    /// <exception cref="SourceException">A column is missing, or named twice so that which one to read is a guess.</exception>
    private int[] MapColumns(IReadOnlyList<string> header)
    {
        RefuseDuplicatedColumns(header);
        var positions = new int[entity.Columns.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            var column = entity.Columns[i];
            var source = SourceColumn(column);
            positions[i] = header.ToList().FindIndex(h => string.Equals(h, source, StringComparison.OrdinalIgnoreCase));
            if (positions[i] < 0 && column.Required)
            {
                throw new SourceException(
                    $"{file.File}: required column '{source}'{(source == column.Name ? string.Empty : $" (canonical {column.Name})")} is missing; " +
                    $"the file's columns are: {string.Join(", ", header)}. Map it under source.files.entities.{entity.Name}.columns in pipeline.yaml.");
            }
        }

        return positions;
    }

    /// <summary>
    /// Refuses a header that names a column twice (matching is case-insensitive), or that holds both the mapped source
    /// column of a canonical column and a column named like the canonical one: either way one of the two would be
    /// silently ignored.
    /// </summary>
    private void RefuseDuplicatedColumns(IReadOnlyList<string> header)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length > 0 && !seen.TryAdd(header[i], i))
            {
                throw new SourceException(
                    $"{file.File}:1: column '{header[i]}' appears twice in the header (columns {seen[header[i]] + 1} and {i + 1}); " +
                    "the file is refused rather than read from one of them and silently ignore the other. Rename or remove one.");
            }
        }

        foreach (var column in entity.Columns)
        {
            var source = SourceColumn(column);
            if (!string.Equals(source, column.Name, StringComparison.OrdinalIgnoreCase) && seen.ContainsKey(source) && seen.TryGetValue(column.Name, out var other)
                && !file.Columns.Values.Contains(column.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new SourceException(
                    $"{file.File}:1: columns '{source}' (column {seen[source] + 1}) and '{header[other]}' (column {other + 1}) both map to canonical column " +
                    $"{column.Name} (source.files.entities.{entity.Name}.columns maps {column.Name}: {source}); the file is refused rather than read from one " +
                    "and silently ignore the other. Remove one of the two columns or change the mapping.");
            }
        }
    }

    private string? CanonicalName(string? sourceColumn) =>
        sourceColumn is null ? null : entity.Columns.FirstOrDefault(c => string.Equals(SourceColumn(c), sourceColumn, StringComparison.OrdinalIgnoreCase))?.Name ?? sourceColumn;
}
