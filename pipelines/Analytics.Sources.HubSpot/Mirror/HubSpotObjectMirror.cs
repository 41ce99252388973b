using System.Globalization;
using Analytics.Pipelines.Sources.Mirror;
using Analytics.Sources.HubSpot.Api;
using DuckDB.NET.Data;

namespace Analytics.Sources.HubSpot.Mirror;

/// <summary>
/// Brings one object type's mirror up to the run's start. A first read, a changed property list or prefix, or a bookmark
/// older than HubSpot keeps archived records (90 days) lists every live record; otherwise the search returns the records
/// changed since the bookmark (less the lookback), their history is batch-read, and the <c>archived=true</c> list removes
/// what was archived (archiving does not change <c>hs_lastmodifieddate</c>). Associations are read again for every
/// mirrored record each run: changing them does not change the record's <c>hs_lastmodifieddate</c> either, so no
/// incremental read sees them. The merged mirror therefore equals a full read.
/// </summary>
internal sealed class HubSpotObjectMirror(HubSpotClient client, DuckDBConnection duck, MirrorRun run)
{
    /// <summary>How long HubSpot keeps archived records; an older bookmark could miss a delete.</summary>
    public static readonly TimeSpan ArchiveHorizon = TimeSpan.FromDays(90);

    private const int IdBatch = 10_000;

    /// <summary>Reads <paramref name="unit"/> into <paramref name="target"/>, merging the mirror in <paramref name="previous"/>; returns its new state.</summary>
    public async Task<HubSpotMirrorState> ReadAsync(HubSpotMirrorUnit unit, string? previous, string target, CancellationToken ct)
    {
        var state = MirrorStore.ReadState<HubSpotMirrorState>(previous, unit.Object);
        var fullReason = FullReadReason(unit, state);
        var changes = Temp("changes");
        var removed = Temp("removed");
        var history = Temp("history");
        Execute($"create table {changes} (id varchar, {string.Join(", ", unit.Properties.Select(p => $"{Quote(p)} varchar"))})");
        Execute($"create table {removed} (id varchar)");
        Execute($"create table {history} (id varchar, value varchar, timestamp varchar)");
        try
        {
            string how;
            if (fullReason is not null)
            {
                run.Progress?.Report($"{unit.Object}: full read, because {fullReason}");
                var read = await AppendAsync(client.ListAsync(unit.Object, unit.Properties, unit.HistoryProperty, archived: false, ct), unit, changes, history).ConfigureAwait(false);
                how = string.Create(CultureInfo.InvariantCulture, $"full (list, {read} records) because {fullReason}");
            }
            else
            {
                var since = state!.Bookmark - run.Lookback;
                var read = await AppendAsync(client.ModifiedAsync(unit.Object, unit.Properties, since, run.Start, ct), unit, changes, null).ConfigureAwait(false);
                if (unit.HistoryProperty is not null)
                {
                    foreach (var ids in IdBatches($"select distinct id from {changes}"))
                    {
                        await AppendAsync(client.BatchReadAsync(unit.Object, ids, [], unit.HistoryProperty, ct), null, null, history).ConfigureAwait(false);
                    }
                }

                long archived = 0;
                using (var appender = duck.CreateAppender(removed))
                {
                    await foreach (var record in client.ListAsync(unit.Object, [], null, archived: true, ct).ConfigureAwait(false))
                    {
                        appender.CreateRow().AppendValue(record.Id).EndRow();
                        archived++;
                    }
                }

                how = string.Create(CultureInfo.InvariantCulture, $"incremental (search) from {since:yyyy-MM-dd HH:mm:ss} UTC: {read} changed, {archived} archived");
                run.Progress?.Report($"{unit.Object}: {how}");
            }

            var rows = WriteObjects(unit, fullReason is null ? MirrorStore.DataPath(previous!, unit.Object) : null, changes, removed, MirrorStore.DataPath(target, unit.Object));
            if (unit.HistoryProperty is not null)
            {
                WriteHistory(fullReason is null ? unit.HistoryPath(previous!) : null, changes, removed, history, unit.HistoryPath(target));
            }

            foreach (var toType in unit.Associations)
            {
                await ReadAssociationsAsync(unit, toType, MirrorStore.DataPath(target, unit.Object), unit.AssociationsPath(target, toType), ct).ConfigureAwait(false);
            }

            var result = new HubSpotMirrorState(unit.Object, unit.Properties, unit.HistoryProperty, run.ApiPrefix, run.Start, run.Clock.GetUtcNow(), how, rows);
            MirrorStore.WriteState(target, unit.Object, result);
            return result;
        }
        finally
        {
            Execute($"drop table if exists {changes}");
            Execute($"drop table if exists {removed}");
            Execute($"drop table if exists {history}");
        }
    }

    private string? FullReadReason(HubSpotMirrorUnit unit, HubSpotMirrorState? state)
    {
        if (state is null)
        {
            return "there is no earlier mirror of it (first read)";
        }

        if (!state.Properties.SequenceEqual(unit.Properties, StringComparer.Ordinal) || state.HistoryProperty != unit.HistoryProperty)
        {
            return "the properties the mapping reads changed";
        }

        if (state.ApiPrefix != run.ApiPrefix)
        {
            return $"the API prefix changed ({state.ApiPrefix} to {run.ApiPrefix})";
        }

        if (unit.HistoryProperty is not null && !File.Exists(unit.HistoryPath(run.Previous!)))
        {
            return "its history file is missing";
        }

        return run.Start - state.Bookmark > ArchiveHorizon
            ? $"the last read ({state.Bookmark:yyyy-MM-dd}) is more than {ArchiveHorizon.TotalDays:0} days old, beyond how long HubSpot keeps archived records"
            : null;
    }

    /// <summary>Appends records (id and properties) to <paramref name="changes"/> and their history to <paramref name="history"/>; returns the records read.</summary>
    private async Task<long> AppendAsync(IAsyncEnumerable<HubSpotRecord> records, HubSpotMirrorUnit? unit, string? changes, string? history)
    {
        long read = 0;
        using var rows = changes is null ? null : duck.CreateAppender(changes);
        using var versions = history is null ? null : duck.CreateAppender(history);
        await foreach (var record in records.ConfigureAwait(false))
        {
            if (rows is not null)
            {
                var row = rows.CreateRow().AppendValue(record.Id);
                foreach (var property in unit!.Properties)
                {
                    row = row.AppendValue(record.Properties.GetValueOrDefault(property));
                }

                row.EndRow();
            }

            if (versions is not null)
            {
                foreach (var version in record.History)
                {
                    versions.CreateRow().AppendValue(record.Id).AppendValue(version.Value).AppendValue(version.Timestamp).EndRow();
                }
            }

            read++;
        }

        return read;
    }

    /// <summary>Writes the merged records (changed ones, then earlier ones neither changed nor archived), one per id, ordered by id; returns the count.</summary>
    private long WriteObjects(HubSpotMirrorUnit unit, string? previous, string changes, string removed, string target)
    {
        var columns = string.Join(", ", unit.Properties.Select(Quote).Prepend("id"));
        var merged = $"select {columns}, 0 as __from_previous from {changes} c where not exists (select 1 from {removed} r where r.id = c.id)";
        if (previous is not null)
        {
            merged += $"""

                union all
                select {columns}, 1 from read_parquet('{Escape(previous)}') p
                where not exists (select 1 from {changes} c where c.id = p.id) and not exists (select 1 from {removed} r where r.id = p.id)
                """;
        }

        // A search window read twice gives a record twice: the latest modification wins.
        Execute($"copy (select {columns} from ({merged}) qualify row_number() over (partition by id order by __from_previous, {Quote(HubSpotMirrorUnit.Modified)} desc nulls last) = 1 order by id) to '{Escape(target)}' (format parquet)");
        return Scalar($"select count(*) from read_parquet('{Escape(target)}')");
    }

    private void WriteHistory(string? previous, string changes, string removed, string history, string target)
    {
        var rows = $"select distinct id, value, timestamp from {history}";
        if (previous is not null)
        {
            rows += $"""

                union all
                select id, value, timestamp from read_parquet('{Escape(previous)}') p
                where not exists (select 1 from {changes} c where c.id = p.id) and not exists (select 1 from {removed} r where r.id = p.id)
                """;
        }

        Execute($"copy (select * from ({rows}) order by id, timestamp) to '{Escape(target)}' (format parquet)");
    }

    private async Task ReadAssociationsAsync(HubSpotMirrorUnit unit, string toType, string objects, string target, CancellationToken ct)
    {
        var table = Temp("associations");
        Execute($"create table {table} (from_id varchar, to_id varchar, type_id integer, category varchar, label varchar)");
        try
        {
            foreach (var ids in IdBatches($"select id from read_parquet('{Escape(objects)}')"))
            {
                using var appender = duck.CreateAppender(table);
                await foreach (var association in client.AssociationsAsync(unit.Object, toType, ids, ct).ConfigureAwait(false))
                {
                    appender.CreateRow().AppendValue(association.FromId).AppendValue(association.ToId).AppendValue(association.TypeId)
                        .AppendValue(association.Category).AppendValue(association.Label).EndRow();
                }
            }

            Execute($"copy (select * from {table} order by from_id, to_id, type_id) to '{Escape(target)}' (format parquet)");
        }
        finally
        {
            Execute($"drop table if exists {table}");
        }
    }

    /// <summary>
    /// The ids <paramref name="query"/> selects, 10,000 at a time by key: each batch is read before it is handed out, so
    /// the caller may append to the work database while it holds one (never more than one batch in memory).
    /// </summary>
    private IEnumerable<IReadOnlyList<string>> IdBatches(string query)
    {
        string? last = null;
        while (true)
        {
            var batch = new List<string>(IdBatch);
            using (var command = duck.CreateCommand())
            {
                command.CommandText = $"select id from ({query}) where id is not null{(last is null ? string.Empty : " and id > $last")} order by id limit {IdBatch}";
                if (last is not null)
                {
                    command.Parameters.Add(new DuckDBParameter("last", last));
                }

                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    batch.Add(reader.GetString(0));
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }

            if (batch.Count < IdBatch)
            {
                yield break;
            }

            last = batch[^1];
        }
    }

    private void Execute(string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Temp(string what) => $"{what}_{Guid.NewGuid():N}";

    internal static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    internal static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}

/// <summary>What every object read of one run shares: its start (the new bookmark), lookback, prefix, the earlier mirror, clock and progress.</summary>
internal sealed record MirrorRun(DateTimeOffset Start, TimeSpan Lookback, string ApiPrefix, string? Previous, TimeProvider Clock, IProgress<string>? Progress);
