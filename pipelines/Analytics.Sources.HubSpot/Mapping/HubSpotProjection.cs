using System.Globalization;
using System.Text;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources.Files;
using Analytics.Pipelines.Sources.Mirror;
using Analytics.Sources.HubSpot.Configuration;
using Analytics.Sources.HubSpot.Mirror;
using DuckDB.NET.Data;

namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>
/// Projects the mirror onto one canonical entity in DuckDB (properties as columns, owners and stages joined, associations
/// as the lowest associated id, value maps as CASE, sources unioned; opportunity_partners from the partner-labelled
/// associations, stage_history from the stage property's history with repeats of one stage collapsed), ordered by the
/// entity's key, and streams the rows through the file drop's validation and quarantine, each row's origin naming the
/// HubSpot object and record id.
/// </summary>
internal sealed class HubSpotProjection(DuckDBConnection duck, string folder, IReadOnlyList<HubSpotMirrorUnit> units, HubSpotSourceConfig config)
{
    private const string Origin = "__origin";

    /// <summary>Stages <paramref name="entity"/>; returns the rows read (= landed + quarantined).</summary>
    public long Load(EntitySchema entity, CanonicalRowLoader loader, SnapshotStaging staging)
    {
        var mapping = config.Mapping.For(entity);
        var header = entity.Columns.Select(c => c.Name).ToList();
        var label = $"hubspot {string.Join(" + ", mapping.Sources.Select(s => s.Object).Distinct())}";
        return loader.Load(entity, label, header, MirrorProjection.Rows(duck, Sql(entity, mapping), header.Count), staging);
    }

    /// <summary>The SELECT giving the entity's columns in schema order, then the row's origin (object and record id).</summary>
    internal string Sql(EntitySchema entity, HubSpotEntityMapping mapping)
    {
        var union = string.Join("\nunion all\n", mapping.Sources.Select(s => s.Derived switch
        {
            DerivedRows.PartnerAssociations => PartnerAssociationsSql(s),
            DerivedRows.StageHistory => StageHistorySql(s),
            _ => SourceSql(entity, s),
        }));
        var columns = string.Join(", ", entity.Columns.Select(c => Q(c.Name)));
        return $"select {columns}, {Origin} from (\n{union}\n) rows order by {string.Join(", ", entity.PrimaryKey.Select(Q))}, {Origin}";
    }

    private string SourceSql(EntitySchema entity, HubSpotObjectMapping source)
    {
        var unit = HubSpotMirrorUnit.Find(units, source.Object);
        var from = new StringBuilder($"{Parquet(MirrorStore.DataPath(folder, unit.Object))} t");
        var joins = 0;
        string Expression(string column)
        {
            if (!source.Columns.TryGetValue(column, out var mapped))
            {
                return "null::varchar";
            }

            string value;
            switch (mapped)
            {
                case PropertyColumn property:
                    value = property.Name == PropertyColumn.Id ? "t.id" : $"t.{Q(property.Name)}";
                    break;
                case ConstantColumn constant:
                    value = $"'{E(constant.Value)}'";
                    break;
                case OwnerColumn owner:
                    var o = $"o{joins++}";
                    from.Append(CultureInfo.InvariantCulture, $" left join {Parquet(Path.Combine(folder, ReferenceTables.Owners))} {o} on {o}.id = t.{Q(owner.Property)}");
                    value = $"{o}.email";
                    break;
                case AssociationColumn association:
                    var a = $"a{joins++}";
                    var filter = new List<string>();
                    if (association.TypeId is { } typeId)
                    {
                        filter.Add(string.Create(CultureInfo.InvariantCulture, $"type_id = {typeId}"));
                    }

                    if (association.Label is { } label)
                    {
                        filter.Add($"label = '{E(label)}'");
                    }

                    from.Append(CultureInfo.InvariantCulture,
                        $" left join (select from_id, min(to_id) as to_id from {Parquet(unit.AssociationsPath(folder, association.ToType))}{(filter.Count == 0 ? string.Empty : " where " + string.Join(" and ", filter))} group by 1) {a} on {a}.from_id = t.id");
                    value = $"{a}.to_id";
                    break;
                case StageColumn stage:
                    var s = $"s{joins++}";
                    from.Append(CultureInfo.InvariantCulture, $" left join {Parquet(Path.Combine(folder, ReferenceTables.Stages))} {s} on {s}.stage_id = t.{Q(stage.Property)}");
                    // An unknown stage id passes through as the stage, so validation names it; its stage_index stays empty.
                    value = stage.IsIndex ? $"{s}.stage_index::varchar" : $"coalesce({s}.stage, t.{Q(stage.Property)})";
                    break;
                default:
                    throw new InvalidOperationException($"Unknown column mapping {mapped}.");
            }

            if (source.Values.TryGetValue(column, out var map) && map.Count > 0)
            {
                value = $"case {value} {string.Join(' ', map.Select(p => $"when '{E(p.Key)}' then '{E(p.Value)}'"))} else {value} end";
            }

            return entity.Columns.First(c => c.Name == column).Type switch
            {
                // HubSpot date-time properties hold dates as midnight UTC (closedate): a date column takes the date.
                CrmColumnType.Date => $"(case when ({value}) like '____-__-__T%' then left({value}, 10) else {value} end)",
                CrmColumnType.Integer => $"regexp_replace({value}, '\\.0+$', '')",
                _ => value,
            };
        }

        var select = entity.Columns.Select(c => $"{Expression(c.Name)} as {Q(c.Name)}").ToList();
        select.Add($"'{E(source.Object)} ' || t.id as {Origin}");
        return $"select {string.Join(", ", select)} from {from}{Where(source)}";
    }

    private string Where(HubSpotObjectMapping source)
    {
        if (source.Where == CompanyFilter.All)
        {
            return string.Empty;
        }

        var isPartner = config.Partners.Property is { } property
            ? $"coalesce(t.{Q(property)}, '') <> ''"
            : $"t.id in (select to_id from {Parquet(HubSpotMirrorUnit.Find(units, "deals").AssociationsPath(folder, "companies"))} where label in ({Labels()}))";
        return source.Where == CompanyFilter.Partners ? $" where {isPartner}" : $" where not ({isPartner})";
    }

    private string PartnerAssociationsSql(HubSpotObjectMapping source)
    {
        var attribution = config.Attribution;
        var deals = HubSpotMirrorUnit.Find(units, source.Object);
        var companies = HubSpotMirrorUnit.Find(units, "companies");
        var attributionCase = $"case a.label {string.Join(' ', attribution.Labels.Select(l => $"when '{E(l.Key)}' then {(l.Value is null ? "null" : $"'{E(l.Value)}'")}"))} end";
        string PerPartner(string property) =>
            $"nullif(trim(split_part(list_filter(string_split(d.{Q(property)}, ';'), x -> trim(split_part(x, '=', 1)) = a.to_id)[1], '=', 2)), '')";
        return $"""
            select a.from_id as opportunity_id, a.to_id as partner_id, c.{Q(attribution.RoleProperty)} as role,
                   {attributionCase} as attribution, {PerPartner(attribution.PctProperty)} as attribution_pct,
                   {PerPartner(attribution.AddedAtProperty)} as added_at,
                   '{E(source.Object)} ' || a.from_id || ' companies ' || a.to_id as {Origin}
            from {Parquet(deals.AssociationsPath(folder, "companies"))} a
            join {Parquet(MirrorStore.DataPath(folder, deals.Object))} d on d.id = a.from_id
            left join {Parquet(MirrorStore.DataPath(folder, companies.Object))} c on c.id = a.to_id
            where a.label in ({Labels()})
            """;
    }

    private string StageHistorySql(HubSpotObjectMapping source)
    {
        var deals = HubSpotMirrorUnit.Find(units, source.Object);
        // Setting the stage to the stage it already has writes a history value too: keep the first of each run of one stage.
        return $"""
            select opportunity_id, stage, stage_index, entered_at, {Origin} from (
                select h.id as opportunity_id, coalesce(s.stage, h.value) as stage, s.stage_index::varchar as stage_index,
                       h.timestamp as entered_at, '{E(source.Object)} ' || h.id as {Origin}, h.value as __raw
                from {Parquet(deals.HistoryPath(folder))} h
                left join {Parquet(Path.Combine(folder, ReferenceTables.Stages))} s on s.stage_id = h.value
            ) qualify lag(__raw) over (partition by opportunity_id order by entered_at) is distinct from __raw
            """;
    }

    private string Labels() => string.Join(", ", config.Attribution.Labels.Keys.Select(l => $"'{E(l)}'"));

    private static string Parquet(string path) => $"read_parquet('{E(path)}')";

    private static string Q(string name) => HubSpotObjectMirror.Quote(name);

    private static string E(string text) => HubSpotObjectMirror.Escape(text);
}
