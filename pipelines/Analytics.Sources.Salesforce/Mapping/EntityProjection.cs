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
/// Projects the mirror onto one canonical entity in DuckDB (value maps as CASE, lookups as a left join on arg_max,
/// sources unioned, stage_index derived from motion and stage, stage_history's consecutive same-stage rows collapsed to
/// the first) and streams the rows through the file drop's validation and quarantine.
/// </summary>
internal sealed class EntityProjection(DuckDBConnection duck, string folder, IReadOnlyList<MirrorUnit> units)
{
    private const string Motion = "__motion";
    private const string SalesProcess = "__sales_process";
    private const string Origin = "__origin";

    /// <summary>Stages <paramref name="entity"/>; returns the rows read (= landed + quarantined).</summary>
    public long Load(EntitySchema entity, EntityMapping mapping, CanonicalRowLoader loader, SnapshotStaging staging)
    {
        var sql = Sql(entity, mapping);
        var header = entity.Columns.Select(c => c.Name).ToList();
        var label = $"salesforce {string.Join(" + ", mapping.Sources.Select(s => s.Object).Distinct())}";
        return loader.Load(entity, label, header, MirrorProjection.Rows(duck, sql, header.Count), staging);
    }

    /// <summary>The SELECT giving the entity's columns in schema order, then the row's origin (object and Id).</summary>
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
            var lookupUnit = MirrorUnit.Find(units, lookups[i].Object, null);
            var values = source.Lookups.Where(l => (l.Object, l.Key) == lookups[i])
                .Select(l => $"arg_max({ObjectMirror.Quote(l.Field)}, {ObjectMirror.Quote(l.LatestBy)}) as {ObjectMirror.Quote(l.Field + "|" + l.LatestBy)}")
                .Distinct();
            from.Append(CultureInfo.InvariantCulture,
                $" left join (select {ObjectMirror.Quote(lookups[i].Key)} as k, {string.Join(", ", values)} from read_parquet('{ObjectMirror.Escape(MirrorStore.DataPath(folder, lookupUnit.Name))}', hive_partitioning = false) group by 1) l{i} on l{i}.k = t.\"Id\"");
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
                LookupColumn lookup => $"l{lookups.IndexOf((lookup.Object, lookup.Key))}.{ObjectMirror.Quote(lookup.Field + "|" + lookup.LatestBy)}",
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
