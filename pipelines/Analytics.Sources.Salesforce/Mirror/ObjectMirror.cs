using System.Globalization;
using Analytics.Pipelines.Sources.Mirror;
using Analytics.Sources.Salesforce.Api;
using DuckDB.NET.Data;

namespace Analytics.Sources.Salesforce.Mirror;

/// <summary>
/// Reads one <see cref="MirrorUnit"/> into the run's temporary folder: a full read, or the rows changed since the
/// bookmark (minus the lookback) merged over the previous mirror by Id in DuckDB, with deletes removed.
/// </summary>
internal sealed partial class ObjectMirror(SalesforceClient client, OrgSchema schema, DuckDBConnection duck, MirrorSettings settings)
{
    /// <summary>Beyond this, the Recycle Bin and the <c>deleted</c> resource may have forgotten a delete.</summary>
    public static readonly TimeSpan DeleteHorizon = TimeSpan.FromDays(15);

    private static readonly string[] CursorFields = ["SystemModstamp", "LastModifiedDate", "CreatedDate"];

    /// <summary>Reads <paramref name="unit"/> from <paramref name="previous"/> (or from scratch) into <paramref name="target"/>; returns its new state.</summary>
    public async Task<MirrorState> ReadAsync(MirrorUnit unit, string? previous, string target, CancellationToken ct)
    {
        var description = await schema.DescribeAsync(unit.Object, ct).ConfigureAwait(false)
            ?? throw new SalesforceException(SalesforceErrorKind.NotFound,
                $"The org has no object {unit.Object} (or this user cannot see it); check the object name in the mapping (source.salesforce.mapping) and the integration user's permission set.", unit.Object);
        var fields = new List<SelectedField>();
        foreach (var path in unit.Paths)
        {
            var resolved = await schema.ResolveAsync(description, path, ct).ConfigureAwait(false);
            if (resolved.Field is null)
            {
                var closest = resolved.Closest.Count == 0 ? string.Empty : $" Closest: {string.Join(", ", resolved.Closest)}.";
                throw new SalesforceException(SalesforceErrorKind.InvalidField,
                    $"{unit.Object}.{path} cannot be read: {resolved.Problem}.{closest} Fix the mapping (source.salesforce.mapping) or the integration user's field permissions; `analytics source check` lists every such field.",
                    unit.Object, path);
            }

            fields.Add(new SelectedField(path, OrgSchema.ValueType(resolved.Field)));
        }

        var cursor = OrgSchema.CursorField(description);
        var prefixCursors = new List<string>();
        string? noPrefixCursor = null;
        var related = unit.Paths.Concat(PathsIn(unit.Where)).Where(p => p.Contains('.', StringComparison.Ordinal));
        foreach (var prefix in related.SelectMany(p => new Mapping.FieldColumn(p).RelationshipPrefixes).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            string? found = null;
            foreach (var candidate in CursorFields)
            {
                if ((await schema.ResolveAsync(description, $"{prefix}.{candidate}", ct).ConfigureAwait(false)).Field is not null)
                {
                    found = $"{prefix}.{candidate}";
                    break;
                }
            }

            if (found is null)
            {
                noPrefixCursor ??= prefix;
            }
            else
            {
                prefixCursors.Add(found);
            }
        }

        var state = MirrorStore.ReadState<MirrorState>(previous, unit.Name);
        var since = state is null ? default : state.Bookmark - settings.Lookback;
        var hasIsDeleted = description.Field("IsDeleted") is not null;
        var fullReason = FullReadReason(unit, state, cursor, noPrefixCursor);
        DeletedRecords? deletes = null;
        if (fullReason is null && !hasIsDeleted)
        {
            deletes = await client.GetDeletedAsync(unit.Object, since, settings.Start, ct).ConfigureAwait(false);
            if (deletes.EarliestDateAvailable > since)
            {
                fullReason = $"the org lists deletes of {unit.Object} only from {deletes.EarliestDateAvailable:yyyy-MM-dd HH:mm} UTC, after the last read's bookmark ({state!.Bookmark:yyyy-MM-dd HH:mm} UTC)";
            }
        }

        var table = $"changes_{Guid.NewGuid():N}";
        var removed = $"removed_{Guid.NewGuid():N}";
        Execute($"create temp table {table} ({string.Join(", ", unit.Paths.Select(p => $"{Quote(p)} varchar"))}, __deleted boolean)");
        Execute($"create temp table {removed} (\"Id\" varchar)");
        try
        {
            string how;
            if (fullReason is not null)
            {
                settings.Progress?.Report($"{unit.Object}: full read, because {fullReason}");
                var (read, method) = await LoadAsync(unit, fields, unit.Where, includeDeleted: false, table, ct).ConfigureAwait(false);
                how = $"full ({method}, {read} rows) because {fullReason}";
            }
            else
            {
                var changed = string.Join(" OR ", prefixCursors.Prepend(cursor!).Select(c => $"{c} >= {Literal(since)}"));
                var condition = unit.Where is null ? $"({changed})" : $"({changed}) AND ({unit.Where})";
                var selected = hasIsDeleted ? [.. fields, new SelectedField("IsDeleted", SalesforceValueType.Boolean)] : fields;
                var (read, method) = await LoadAsync(unit, selected, condition, hasIsDeleted, table, ct).ConfigureAwait(false);
                long gone = 0;
                if (unit.Where is not null)
                {
                    gone += await RemoveAsync($"SELECT Id FROM {unit.Object} WHERE ({changed}) AND NOT ({unit.Where})", hasIsDeleted, removed, ct).ConfigureAwait(false);
                }

                if (deletes is not null)
                {
                    gone += AppendRemoved(removed, deletes.Records.Select(r => r.Id));
                }

                how = $"incremental ({method}) from {since:yyyy-MM-dd HH:mm:ss} UTC: {read} changed, {gone} deleted or filtered out";
                settings.Progress?.Report($"{unit.Object}: {how}");
            }

            var rows = Write(unit, fullReason is null ? MirrorStore.DataPath(previous!, unit.Name) : null, table, removed, MirrorStore.DataPath(target, unit.Name));
            // The deleted resource covers whole minutes up to latestDateCovered: never bookmark past it.
            var bookmark = deletes is not null && deletes.LatestDateCovered < settings.Start ? deletes.LatestDateCovered : settings.Start;
            var result = new MirrorState(unit.Object, unit.Where, cursor, bookmark, unit.Paths, settings.ApiVersion, settings.Clock.GetUtcNow(), how, rows);
            MirrorStore.WriteState(target, unit.Name, result);
            return result;
        }
        finally
        {
            Execute($"drop table if exists {table}");
            Execute($"drop table if exists {removed}");
        }
    }

    /// <summary>The dotted field paths a SOQL condition names outside its string literals (a record type's DeveloperName).</summary>
    internal static IEnumerable<string> PathsIn(string? where) => where is null
        ? []
        : DottedPath().Matches(StringLiteral().Replace(where, "''")).Select(m => m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"'(?:[^'\\]|\\.)*'")]
    private static partial System.Text.RegularExpressions.Regex StringLiteral();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+\b")]
    private static partial System.Text.RegularExpressions.Regex DottedPath();

    private string? FullReadReason(MirrorUnit unit, MirrorState? state, string? cursor, string? noPrefixCursor)
    {
        if (state is null)
        {
            return "there is no earlier mirror of it (first read)";
        }

        if (cursor is null)
        {
            return $"{unit.Object} has none of SystemModstamp, LastModifiedDate, CreatedDate to read changes by";
        }

        if (noPrefixCursor is not null)
        {
            return $"the related {noPrefixCursor} has no SystemModstamp or LastModifiedDate to see its changes by";
        }

        if (!state.Fields.SequenceEqual(unit.Paths, StringComparer.OrdinalIgnoreCase) || state.Where != unit.Where)
        {
            return "the mapping of its fields or filter changed";
        }

        if (state.ApiVersion != settings.ApiVersion)
        {
            return $"the API version changed ({state.ApiVersion} to {settings.ApiVersion})";
        }

        if (!string.Equals(state.CursorField, cursor, StringComparison.OrdinalIgnoreCase))
        {
            return $"its change cursor changed ({state.CursorField} to {cursor})";
        }

        return settings.Start - state.Bookmark > DeleteHorizon
            ? $"the last read ({state.Bookmark:yyyy-MM-dd}) is more than {DeleteHorizon.TotalDays:0} days old, beyond the Recycle Bin's horizon for deletes"
            : null;
    }

    private async Task<(long Read, string Method)> LoadAsync(MirrorUnit unit, IReadOnlyList<SelectedField> fields, string? condition, bool includeDeleted, string table, CancellationToken ct)
    {
        var count = await client.CountAsync(unit.Object, condition, includeDeleted, ct).ConfigureAwait(false);
        var bulk = settings.BulkThreshold == 0 || count > settings.BulkThreshold;
        var soql = $"SELECT {string.Join(", ", fields.Select(f => f.Path))} FROM {unit.Object}{(condition is null ? string.Empty : $" WHERE {condition}")}";
        var rows = bulk ? client.BulkQueryAsync(soql, fields, includeDeleted, ct) : client.QueryAsync(soql, fields, includeDeleted, ct);
        long read = 0;
        using (var appender = duck.CreateAppender(table))
        {
            await foreach (var row in rows.ConfigureAwait(false))
            {
                var appended = appender.CreateRow();
                for (var i = 0; i < unit.Paths.Count; i++)
                {
                    appended = appended.AppendValue(row[i]);
                }

                appended.AppendValue(fields.Count > unit.Paths.Count && row[^1] == "true").EndRow();
                read++;
            }
        }

        return (read, bulk ? $"Bulk 2.0, {count} rows counted" : "REST");
    }

    private async Task<long> RemoveAsync(string soql, bool includeDeleted, string removed, CancellationToken ct)
    {
        var ids = new List<string>();
        long total = 0;
        await foreach (var row in client.QueryAsync(soql, [new SelectedField("Id", SalesforceValueType.Text)], includeDeleted, ct).ConfigureAwait(false))
        {
            ids.Add(row[0]!);
            if (ids.Count == 10_000)
            {
                total += AppendRemoved(removed, ids);
                ids.Clear();
            }
        }

        return total + AppendRemoved(removed, ids);
    }

    private long AppendRemoved(string removed, IEnumerable<string> ids)
    {
        long count = 0;
        using var appender = duck.CreateAppender(removed);
        foreach (var id in ids)
        {
            appender.CreateRow().AppendValue(id).EndRow();
            count++;
        }

        return count;
    }

    /// <summary>Writes the merged mirror: changed live rows, then previous rows neither changed nor removed; returns its row count.</summary>
    private long Write(MirrorUnit unit, string? previous, string changes, string removed, string target)
    {
        var columns = string.Join(", ", unit.Paths.Select(Quote));
        var merged = previous is null
            ? $"select {columns} from {changes} where not __deleted"
            : $"""
              select {columns} from {changes} where not __deleted
              union all
              select {columns} from read_parquet('{Escape(previous)}', hive_partitioning = false) p
              where not exists (select 1 from {changes} c where c."Id" = p."Id")
                and not exists (select 1 from {removed} r where r."Id" = p."Id")
              """;
        Execute($"copy (select {columns} from ({merged}) qualify row_number() over (partition by \"Id\") = 1 order by \"Id\") to '{Escape(target)}' (format parquet)");
        using var command = duck.CreateCommand();
        command.CommandText = $"select count(*) from read_parquet('{Escape(target)}', hive_partitioning = false)";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Literal(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    internal static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
