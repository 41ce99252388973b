using Analytics.Reports.Charts;
using Analytics.Reports.Data;
using static Analytics.Reports.Data.Column;

namespace Analytics.Reports.Qbr;

/// <summary>
/// Reads the <see cref="SoWhat"/> page's lines from the marts: changes from marts.program_quarterly,
/// marts.partner_quarterly and marts.win_rates, targets from marts.target_attainment, asks from
/// marts.recent_registrations, marts.expiring_protections and the review in progress (marts.tier_reviews,
/// marts.tier_checklist). A partner's page reads only that partner's rows.
/// </summary>
public static class SoWhatReader
{
    /// <summary>Partners at risk of downgrade the program page names.</summary>
    internal const int AtRiskNamed = 5;

    /// <summary>The program's page for <paramref name="quarter"/> against <paramref name="previous"/>.</summary>
    public static SoWhat ForProgram(ReportWarehouse warehouse, string quarter, string? previous)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var changes = new List<SoWhat.Change>();
        if (previous is not null)
        {
            changes.AddRange(warehouse.Query("""
                with totals as (
                    select 'sourced_arr' as measure, fiscal_quarter, cast(sourced_arr as double) as value from marts.program_quarterly
                    union all
                    select 'influenced_arr', fiscal_quarter, cast(influenced_arr as double) from marts.program_quarterly
                ),
                partner_values as (
                    select 'sourced_arr' as measure, partner_id, fiscal_quarter, cast(sourced_arr as double) as value from marts.partner_quarterly
                    union all
                    select 'influenced_arr', partner_id, fiscal_quarter, cast(influenced_arr as double) from marts.partner_quarterly
                ),
                partner_deltas as (
                    select measure, partner_id,
                           sum(value) filter (where fiscal_quarter = $quarter) - sum(value) filter (where fiscal_quarter = $previous) as delta
                    from partner_values
                    where fiscal_quarter in ($quarter, $previous)
                    group by measure, partner_id
                ),
                total_changes as (
                    select measure,
                           max(value) filter (where fiscal_quarter = $quarter) as now,
                           max(value) filter (where fiscal_quarter = $previous) as before
                    from totals
                    where fiscal_quarter in ($quarter, $previous)
                    group by measure
                ),
                -- the driver moved the same way as the total, and most
                drivers as (
                    select d.measure, d.partner_id, d.delta,
                           row_number() over (partition by d.measure order by d.delta * sign(t.now - t.before) desc, d.partner_id) as rank
                    from partner_deltas as d
                    inner join total_changes as t on t.measure = d.measure
                    where d.delta * sign(t.now - t.before) > 0
                )
                select t.measure, t.now, t.before, r.name as driver_name, d.delta as driver_delta
                from total_changes as t
                left join drivers as d on d.measure = t.measure and d.rank = 1
                left join marts.partner_roster as r on r.partner_id = d.partner_id
                order by t.measure
                """, r => ArrChange(r.GetString(0) == "sourced_arr" ? "Partner-sourced ARR won" : "Partner-influenced ARR won", Amount(r, 1), Number(r, 2),
                    Text(r, 3) is { } name ? $"largest {(Amount(r, 4) > 0 ? "rise" : "fall")}: {name}, {NumberFormat.SignedMoney(Amount(r, 4))}" : null),
                ("quarter", quarter), ("previous", previous)).OfType<SoWhat.Change>());
            changes.AddRange(warehouse.Query("""
                select n.motion, n.win_rate, b.win_rate, n.won + n.lost, b.won + b.lost
                from marts.win_rates as n
                inner join marts.win_rates as b on b.motion = n.motion and b.fiscal_quarter = $previous
                where n.fiscal_quarter = $quarter and n.motion <> 'direct' and n.win_rate is not null and b.win_rate > 0
                  and n.won + n.lost >= $least and b.won + b.lost >= $least
                order by n.motion
                """, r => new SoWhat.Change($"Win rate, new business, {r.GetString(0)}", NumberFormat.Percent(Amount(r, 1)), NumberFormat.Percent(Amount(r, 2)),
                    Amount(r, 1) / Amount(r, 2) - 1, $"{r.GetString(0)} motion: {Count(r, 3)} deals closed, {Count(r, 4)} the quarter before"),
                ("quarter", quarter), ("previous", previous), ("least", SoWhat.LeastClosedForWinRate)));
        }

        var targets = TargetRows(warehouse, quarter).Where(t => t.PartnerId is null).Select(t => t.Line).ToList();
        var asks = new List<string>();
        var pending = warehouse.Query("""
            select count(*), count(*) filter (where is_overdue) from marts.recent_registrations where status = 'pending'
            """, r => (Count(r, 0), Count(r, 1))).Single();
        if (pending.Item1 > 0)
        {
            asks.Add($"Decide {NumberFormat.Plural(pending.Item1, "pending deal registration")}" + (pending.Item2 > 0 ? $", {pending.Item2} already past the 48-hour decision SLA." : "."));
        }

        var expiring = warehouse.Query("select count(*) from marts.expiring_protections", r => Count(r, 0)).Single();
        if (expiring > 0)
        {
            asks.Add($"Convert or extend {NumberFormat.Plural(expiring, "registration protection")} ending within 7 days.");
        }

        var atRisk = AtRisk(warehouse);
        if (atRisk.Count > 0)
        {
            asks.Add($"{NumberFormat.Plural(atRisk.Count, "partner")} would be downgraded if the review in progress closed today; the largest tiers first: "
                + string.Join("; ", atRisk.Take(AtRiskNamed).Select(a => a.Text)) + (atRisk.Count > AtRiskNamed ? $"; {atRisk.Count - AtRiskNamed} more on the tier page." : "."));
        }

        return new SoWhat(SoWhat.Largest(changes), targets, asks);
    }

    /// <summary>Each active partner's page, by partner id; each built only from that partner's rows.</summary>
    public static IReadOnlyDictionary<string, SoWhat> ForPartners(ReportWarehouse warehouse, string quarter, string? previous, IEnumerable<string> partnerIds)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var pages = new Dictionary<string, SoWhat>(StringComparer.Ordinal);
        var figures = warehouse.Query("""
            select partner_id, fiscal_quarter, cast(sourced_arr as double), cast(influenced_arr as double), win_rate, cast(sourced_pipeline_arr as double),
                   new_business_won_deals, new_business_won_deals + new_business_lost_deals
            from marts.partner_quarterly
            where fiscal_quarter in ($quarter, $previous)
            """, r => (Id: r.GetString(0), Quarter: r.GetString(1), Sourced: Amount(r, 2), Influenced: Amount(r, 3), WinRate: Number(r, 4), Pipeline: Amount(r, 5), Won: Count(r, 6), Closed: Count(r, 7)),
            ("quarter", quarter), ("previous", previous ?? quarter)).ToLookup(x => x.Id);
        var largestWins = warehouse.Query("""
            select partner_id, attribution, opportunity_name, credited_arr
            from marts.partner_deals
            where is_closed and is_won and closed_quarter = $quarter and attribution in ('sourced', 'influenced')
            qualify row_number() over (partition by partner_id, attribution order by credited_arr desc nulls last, opportunity_id) = 1
            """, r => (Id: r.GetString(0), Attribution: r.GetString(1), Name: r.GetString(2), Credited: Amount(r, 3)), ("quarter", quarter))
            .ToDictionary(x => (x.Id, x.Attribution));
        var pending = warehouse.Query("""
            select partner_id, count(*), count(*) filter (where is_overdue) from marts.recent_registrations where status = 'pending' group by partner_id
            """, r => (Id: r.GetString(0), Pending: Count(r, 1), Overdue: Count(r, 2))).ToDictionary(x => x.Id);
        var expiring = warehouse.Query("select partner_id, count(*) from marts.expiring_protections group by partner_id",
            r => (Id: r.GetString(0), Count: Count(r, 1))).ToDictionary(x => x.Id, x => x.Count);
        var atRisk = AtRisk(warehouse).ToLookup(a => a.PartnerId);
        var targets = TargetRows(warehouse, quarter).Where(t => t.PartnerId is not null).ToLookup(t => t.PartnerId!, t => t.Line);

        foreach (var id in partnerIds)
        {
            var now = figures[id].FirstOrDefault(f => f.Quarter == quarter);
            var before = previous is null ? default : figures[id].FirstOrDefault(f => f.Quarter == previous);
            var changes = new List<SoWhat.Change>();
            if (previous is not null && now.Id is not null && before.Id is not null)
            {
                string LargestWin(string attribution) => largestWins.TryGetValue((id, attribution), out var w)
                    ? $"largest {attribution} win: {w.Name}, {NumberFormat.Money(w.Credited)}"
                    : $"no {attribution} deal won this quarter";
                changes.AddRange(new[]
                {
                    ArrChange("Sourced ARR won", now.Sourced, before.Sourced, LargestWin("sourced")),
                    ArrChange("Influenced ARR won", now.Influenced, before.Influenced, LargestWin("influenced")),
                    ArrChange("Sourced pipeline expected to close in the quarter", now.Pipeline, before.Pipeline, null),
                    now.WinRate is { } nw && before.WinRate is { } bw && bw > 0
                        ? new SoWhat.Change("Win rate, new business", NumberFormat.Percent(nw), NumberFormat.Percent(bw), nw / bw - 1,
                            $"{now.Won} won of {now.Closed} closed, {before.Won} of {before.Closed} the quarter before")
                        : null,
                }.OfType<SoWhat.Change>());
            }

            var asks = new List<string>();
            foreach (var risk in atRisk[id])
            {
                asks.Add($"Would be downgraded if the review in progress closed today: {risk.Gap}.");
            }

            if (pending.TryGetValue(id, out var p))
            {
                asks.Add($"{NumberFormat.Plural(p.Pending, "deal registration")} awaiting a decision" + (p.Overdue > 0 ? $", {p.Overdue} past the 48-hour SLA." : "."));
            }

            if (expiring.TryGetValue(id, out var e))
            {
                asks.Add($"Convert or extend {NumberFormat.Plural(e, "registration protection")} ending within 7 days.");
            }

            pages[id] = new SoWhat(SoWhat.Largest(changes), [.. targets[id]], asks);
        }

        return pages;
    }

    private static SoWhat.Change? ArrChange(string figure, double now, double? before, string? driver) => before is { } b && b > 0
        ? new SoWhat.Change(figure, NumberFormat.Money(now), NumberFormat.Money(b), now / b - 1, driver)
        : null;

    private static List<(string? PartnerId, SoWhat.TargetLine Line)> TargetRows(ReportWarehouse warehouse, string quarter) =>
        !warehouse.HasTable("marts", "target_attainment") ? [] : warehouse.Query("""
            select partner_id, measure, target, actual, attainment, pace
            from marts.target_attainment
            where fiscal_quarter = $quarter
            order by partner_id nulls first, measure
            """, r => (Text(r, 0), new SoWhat.TargetLine(r.GetString(1), Amount(r, 2), Amount(r, 3), Number(r, 4), Number(r, 5))), ("quarter", quarter));

    /// <summary>Partners whose review in progress recommends a downgrade, with each missed criterion and its gap.</summary>
    private static List<(string PartnerId, string Text, string Gap)> AtRisk(ReportWarehouse warehouse) => warehouse.Query("""
        select r.partner_id, r.partner_name, r.tier,
               string_agg(c.criterion || '=' || cast(c.gap_to_threshold as varchar), ';' order by c.criterion)
        from marts.tier_reviews as r
        inner join marts.tier_checklist as c
            on c.partner_id = r.partner_id and c.fiscal_quarter = r.fiscal_quarter and c.role = 'current' and c.is_judged and not c.is_met
        where r.is_current and r.recommendation = 'downgrade'
        group by r.partner_id, r.partner_name, r.tier, r.tier_rank
        order by r.tier_rank desc, r.partner_name
        """, r =>
        {
            var gaps = string.Join(", ", r.GetString(3).Split(';').Select(pair =>
            {
                var (criterion, gap) = (pair[..pair.IndexOf('=')], double.Parse(pair[(pair.IndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                var shortBy = criterion == "hygiene_score"
                    ? $"{Math.Ceiling(Math.Round(gap * 100, 6)).ToString(System.Globalization.CultureInfo.InvariantCulture)} points"
                    : PartnerFacts.CriterionValue(criterion, gap);
                return $"{PartnerFacts.CriterionLabel(criterion)} short by {shortBy}";
            }));
            return (r.GetString(0), $"{r.GetString(1)} ({r.GetString(2)}: {gaps})", $"{r.GetString(2)} tier, {gaps}");
        });
}
