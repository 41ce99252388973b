using Analytics.Reports.Data;
using static Analytics.Reports.Data.Column;
using static Analytics.Reports.Qbr.PartnerQbrData;

namespace Analytics.Reports.Qbr;

/// <summary>
/// Reads every active partner's <see cref="PartnerQbrData"/> for a quarter. Each query returns rows keyed by
/// partner_id for all partners at once (a handful of queries instead of a handful per partner); each pack then takes
/// only its own partner's rows.
/// </summary>
public static class PartnerQbrReader
{
    /// <summary>Reads the packs' figures for <paramref name="quarter"/>, one per active partner, by partner name.</summary>
    public static IReadOnlyList<PartnerQbrData> ReadAll(ReportWarehouse warehouse, string quarter, IReadOnlySet<string>? onlyPartnerIds = null)
    {
        var snapshot = warehouse.Snapshot;
        var quarters = snapshot.QuartersEndingWith(quarter, ProgramQbrReader.TrendQuarters);
        var range = new[] { ("from", (object?)quarters[0]), ("quarter", (object?)quarter) };

        var arr = warehouse.Query("""
            select partner_id, fiscal_quarter, sum(sourced_arr), sum(influenced_arr), sum(sourced_won_deals), sum(influenced_won_deals), sum(sourced_pipeline_arr)
            from marts.partner_arr_quarterly
            where fiscal_quarter between $from and $quarter
            group by all
            """, r => (Id: r.GetString(0), Quarter: r.GetString(1), Sourced: Amount(r, 2), Influenced: Amount(r, 3), SourcedWon: Count(r, 4), InfluencedWon: Count(r, 5), Pipeline: Amount(r, 6)), range)
            .ToDictionary(x => (x.Id, x.Quarter));
        var outcomes = warehouse.Query("""
            select partner_id, closed_quarter, count(distinct opportunity_id) filter (where is_won), count(distinct opportunity_id) filter (where not is_won)
            from intermediate.partner_credits
            where is_closed and closed_quarter between $from and $quarter
            group by all
            """, r => (Id: r.GetString(0), Quarter: r.GetString(1), Won: Count(r, 2), Lost: Count(r, 3)), range)
            .ToDictionary(x => (x.Id, x.Quarter));
        var registrations = warehouse.Query("""
            select partner_id, fiscal_quarter, sum(submitted), sum(decided), sum(decided_within_48h), sum(approved)
            from marts.registration_sla
            where fiscal_quarter between $from and $quarter
            group by all
            """, r => (Id: r.GetString(0), Quarter: r.GetString(1), Submitted: Count(r, 2), Decided: Count(r, 3), Within: Count(r, 4), Approved: Count(r, 5)), range)
            .ToDictionary(x => (x.Id, x.Quarter));
        var closed = warehouse.Query("""
            select c.partner_id, c.opportunity_id, o.name, coalesce(c.attribution, 'not recorded'), c.is_won, c.arr, c.credited_arr, o.lost_reason
            from intermediate.partner_credits as c
            join staging.opportunities as o using (opportunity_id)
            where c.is_closed and c.closed_quarter = $quarter
            order by c.is_won desc, c.arr desc, c.opportunity_id
            """, r => (Id: r.GetString(0), Deal: new ClosedDeal(r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), Amount(r, 5), Amount(r, 6), Text(r, 7))),
            ("quarter", quarter)).ToLookup(x => x.Id, x => x.Deal);
        var open = warehouse.Query("""
            select c.partner_id, o.stage_index, o.stage, count(distinct c.opportunity_id), sum(c.arr), sum(c.credited_arr)
            from intermediate.partner_credits as c
            join intermediate.opportunities as o using (opportunity_id)
            where not c.is_closed
            group by all
            order by c.partner_id, o.stage_index
            """, r => (Id: r.GetString(0), Stage: new StagePipeline(Count(r, 1), r.GetString(2), Count(r, 3), Amount(r, 4), Amount(r, 5))))
            .ToLookup(x => x.Id, x => x.Stage);
        var hygiene = warehouse.Query("""
            select partner_id, open_partner_opportunities, with_findings, hygiene_score, stale_next_step_count, no_recent_activity_count,
                   reseller_without_registration_count
            from marts.hygiene_scores_partner
            """, r => (Id: r.GetString(0), Figures: new HygieneFigures(Count(r, 1), Count(r, 2), Number(r, 3), Count(r, 4), Count(r, 5), Count(r, 6))))
            .ToDictionary(x => x.Id, x => x.Figures);
        var tiers = PartnerFacts.TierProgress(warehouse, quarter);
        var readiness = PartnerFacts.Readiness(warehouse);
        var protections = PartnerFacts.ExpiringProtections(warehouse);
        var stalled = PartnerFacts.StalledDeals(warehouse);

        return PartnerFacts.ActivePartners(warehouse)
            .Where(p => onlyPartnerIds is null || onlyPartnerIds.Contains(p.PartnerId))
            .Select(p =>
            {
                var history = quarters.Select(q =>
                {
                    arr.TryGetValue((p.PartnerId, q), out var a);
                    outcomes.TryGetValue((p.PartnerId, q), out var o);
                    registrations.TryGetValue((p.PartnerId, q), out var g);
                    return new QuarterFigures(q, a.Sourced, a.Influenced, a.SourcedWon, a.InfluencedWon, a.Pipeline, o.Won, o.Lost,
                        g.Submitted, g.Decided, g.Within, g.Approved);
                }).ToList();
                var tier = tiers[p.PartnerId].ToList();
                return new PartnerQbrData(snapshot, quarter, p, history, closed[p.PartnerId].ToList(), open[p.PartnerId].ToList(),
                    tier.Select(t => t.Progress).ToList(), tier.Select(t => t.Recommendation).FirstOrDefault(),
                    tier.Select(t => t.EvaluatedTier).FirstOrDefault(), readiness.TryGetValue(p.PartnerId, out var r) ? r : null,
                    protections[p.PartnerId].ToList(), stalled[p.PartnerId].ToList(),
                    hygiene.GetValueOrDefault(p.PartnerId) ?? new HygieneFigures(0, 0, null, 0, 0, 0));
            }).ToList();
    }
}
