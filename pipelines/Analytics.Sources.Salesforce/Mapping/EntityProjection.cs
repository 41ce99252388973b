using System.Globalization;
using System.Text;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources.Files;
using Analytics.Pipelines.Sources.Mirror;
using Analytics.Sources.Salesforce.Mirror;
using DuckDB.NET.Data;

namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>
/// Projects the mirror onto one canonical entity in DuckDB (value maps as CASE, lookups as a left join on a table of arg_max per key,
/// sources unioned, stage_index derived from motion and stage, stage_history's consecutive same-stage rows collapsed to
/// the first) and streams the rows through the file drop's validation and quarantine.
/// </summary>
internal sealed class EntityProjection(DuckDBConnection duck, string folder, IReadOnlyList<MirrorUnit> units)
{
    private const string Motion = "__motion";
    private const string SalesProcess = "__sales_process";
    private const string Origin = "__origin";

    private readonly Dictionary<string, string> _lookupTables = new(StringComparer.Ordinal);

    /// <summary>Stages <paramref name="entity"/>; returns the rows read (= landed + quarantined).</summary>
    public long Load(EntitySchema entity, EntityMapping mapping, CanonicalRowLoader loader, SnapshotStaging staging)
    {
        var sql = Sql(entity, mapping);
        var header = entity.Columns.Select(c => c.Name).ToList();
        var label = $"salesforce {string.Join(" + ", mapping.Sources.Select(s => s.Object).Distinct())}";
        return loader.Load(entity, label, header, MirrorProjection.Rows(duck, sql, header.Count), staging);
    }

    /// <summary>The SELECT giving the entity's columns in schema order, then the row's origin (object and Id); creates the lookup tables it reads.</summary>
    internal string Sql(EntitySchema entity, EntityMapping mapping)
    {
        var columns = entity.Columns.Select(c => ObjectMirror.Quote(c.Name)).ToList();
        var union = string.Join("\nunion all\n", mapping.Sources.Select(s => SourceSql(entity, s)));
        var sql = new StringBuilder($"select {string.Join(", ", columns)}, {Origin} from (\n{union}\n) rows");
        if (entity.Name == CrmSchema.StageHistory.Name)
        {
            // OpportunityHistory writes a row on amount and date edits too: keep the first row of each run of one stage.
            sql.Append(" qualify lag(stage) over (partition by opportunity_id order by entered_at, __origin) is distinct from stage");
        }

        sql.Append(CultureInfo.InvariantCulture, $" order by {string.Join(", ", entity.PrimaryKey.Select(ObjectMirror.Quote))}, {Origin}");
        return sql.ToString();
    }

    private string SourceSql(EntitySchema entity, ObjectMapping source)
    {
        var unit = MirrorUnit.Find(units, source.Object, source.Where);
        var from = new StringBuilder($"read_parquet('{ObjectMirror.Escape(MirrorStore.DataPath(folder, unit.Name))}', hive_partitioning = false) t");
        var lookups = source.Lookups.Select(l => (l.Object, l.Key)).Distinct().ToList();
        for (var i = 0; i < lookups.Count; i++)
        {
            var values = source.Lookups.Where(l => (l.Object, l.Key) == lookups[i]).Select(l => (l.Field, l.LatestBy)).Distinct().ToList();
            from.Append(CultureInfo.InvariantCulture, $" left join {LookupTable(lookups[i].Object, lookups[i].Key, values)} l{i} on l{i}.k = t.\"Id\"");
        }

        string Expression(string column)
        {
            if (!source.Columns.TryGetValue(column, out var mapped))
            {
                return "null::varchar";
            }

            var value = mapped switch
            {
                FieldColumn field => $"t.{ObjectMirror.Quote(field.Path)}",
                ConstantColumn constant => $"'{ObjectMirror.Escape(constant.Value)}'",
                LookupColumn lookup => $"l{lookups.IndexOf((lookup.Object, lookup.Key))}.{ObjectMirror.Quote(LookupColumnName(lookup.Field, lookup.LatestBy))}",
                _ => throw new InvalidOperationException($"Unknown column mapping {mapped}."),
            };
            if (source.Values.TryGetValue(column, out var map) && map.Count > 0)
            {
                value = $"case {value} {string.Join(' ', map.Select(p => $"when '{ObjectMirror.Escape(p.Key)}' then '{ObjectMirror.Escape(p.Value)}'"))} else {value} end";
            }

            // Salesforce numbers are doubles: 3.0 is the whole number 3.
            return entity.Columns.FirstOrDefault(c => c.Name == column)?.Type == CrmColumnType.Integer
                ? $"regexp_replace({value}, '\\.0+$', '')"
                : value;
        }

        var inner = entity.Columns.Select(c => $"{Expression(c.Name)} as {ObjectMirror.Quote(c.Name)}").ToList();
        inner.Add($"{Expression(SalesforceMappingReader.MotionHelper)} as {Motion}");
        inner.Add($"{Expression(SalesforceMappingReader.SalesProcessHelper)} as {SalesProcess}");
        inner.Add($"'{ObjectMirror.Escape(source.Object)} ' || t.\"Id\" as {Origin}");
        var outer = entity.Columns.Select(c => c.Name == "stage_index" && !source.Columns.ContainsKey("stage_index")
            ? $"{StageIndex()} as stage_index"
            : ObjectMirror.Quote(c.Name));
        return $"select {string.Join(", ", outer)}, {Origin} from (select {string.Join(", ", inner)} from {from}) s";
    }

    /// <summary>
    /// The table of <paramref name="lookupObject"/>'s latest row per <paramref name="key"/>, created once in the work
    /// database before any projection reads it. A table, not a subquery: the aggregate's hash table then is gone before
    /// the projection sorts, instead of being held through the sort (at 2,000,000 opportunities the registrations'
    /// projection ran out of its 512 MB that way; docs/benchmarks.md).
    /// </summary>
    private string LookupTable(string lookupObject, string key, IReadOnlyList<(string Field, string LatestBy)> values)
    {
        var unit = MirrorUnit.Find(units, lookupObject, null);
        var columns = string.Join(", ", values.Select(v => $"arg_max({ObjectMirror.Quote(v.Field)}, {ObjectMirror.Quote(v.LatestBy)}) as {ObjectMirror.Quote(LookupColumnName(v.Field, v.LatestBy))}"));
        var select = $"select {ObjectMirror.Quote(key)} as k, {columns} from read_parquet('{ObjectMirror.Escape(MirrorStore.DataPath(folder, unit.Name))}', hive_partitioning = false) group by 1";
        if (!_lookupTables.TryGetValue(select, out var table))
        {
            table = $"lookup_{_lookupTables.Count}";
            using var command = duck.CreateCommand();
            command.CommandText = $"create or replace table {table} as {select}";
            command.ExecuteNonQuery();
            _lookupTables[select] = table;
        }

        return table;
    }

    private static string LookupColumnName(string field, string latestBy) => field + "|" + latestBy;

    /// <summary>
    /// stage_index from (motion, stage), the motion being the sales process when mapped, else the motion column (neither =
    /// direct): 1-5 for the motion's open stages, closed_won 6, closed_lost 0; a stage the motion lacks takes the index
    /// every motion having it agrees on.
    /// </summary>
    private static string StageIndex()
    {
        var cases = new StringBuilder("case");
        cases.Append(CultureInfo.InvariantCulture, $" when stage = '{MotionStages.ClosedWon}' then '{MotionStages.ClosedWonIndex}' when stage = '{MotionStages.ClosedLost}' then '{MotionStages.ClosedLostIndex}'");
        foreach (var motion in MotionStages.Motions)
        {
            var stages = MotionStages.For(motion);
            for (var i = 0; i < stages.Count; i++)
            {
                cases.Append(CultureInfo.InvariantCulture, $" when coalesce({SalesProcess}, {Motion}, '{MotionStages.Direct}') = '{motion}' and stage = '{stages[i]}' then '{i + 1}'");
            }
        }

        // A stage outside the current motion (the opportunity changed motion since): its index when every motion having
        // that stage agrees on it; otherwise none, and the row is quarantined.
        foreach (var stage in MotionStages.AllStages)
        {
            var indexes = MotionStages.Motions.Select(m => MotionStages.IndexOf(m, stage)).Where(i => i >= 0).Distinct().ToList();
            if (indexes.Count == 1)
            {
                cases.Append(CultureInfo.InvariantCulture, $" when stage = '{stage}' then '{indexes[0]}'");
            }
        }

        return cases.Append(" end").ToString();
    }
}
