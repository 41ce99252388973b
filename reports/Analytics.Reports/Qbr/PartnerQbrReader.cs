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

        var figures = warehouse.Query("""
            select partner_id, fiscal_quarter, sourced_arr, influenced_arr, sourced_won_deals, influenced_won_deals, sourced_pipeline_arr,
                   won_deals, lost_deals, win_rate, won_credited_arr, lost_arr, registrations_submitted, registrations_decided,
                   decided_within_48h, registrations_approved, decided_within_48h_share, approval_rate,
                   new_business_won_deals, new_business_lost_deals
            from marts.partner_quarterly
            where fiscal_quarter between $from and $quarter
            """, r => (Id: r.GetString(0), Figures: new QuarterFigures(r.GetString(1), Amount(r, 2), Amount(r, 3), Count(r, 4), Count(r, 5), Amount(r, 6),
                Count(r, 7), Count(r, 8), Count(r, 18), Count(r, 19), Number(r, 9), Amount(r, 10), Amount(r, 11), Count(r, 12), Count(r, 13), Count(r, 14), Count(r, 15),
                Number(r, 16), Number(r, 17))), range)
            .ToDictionary(x => (x.Id, x.Figures.Quarter), x => x.Figures);
        var closed = warehouse.Query("""
            select partner_id, opportunity_id, opportunity_name, coalesce(attribution, 'not recorded'), is_won, arr, credited_arr, lost_reason
            from marts.partner_deals
            where is_closed and closed_quarter = $quarter
            order by is_won desc, arr desc, opportunity_id
            """, r => (Id: r.GetString(0), Deal: new ClosedDeal(r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), Amount(r, 5), Amount(r, 6), Text(r, 7))),
            ("quarter", quarter)).ToLookup(x => x.Id, x => x.Deal);
        var lostReasons = warehouse.Query("""
            select partner_id, lost_reason, lost_deals
            from marts.partner_lost_reasons
            where fiscal_quarter = $quarter
            order by partner_id, rank
            """, r => (Id: r.GetString(0), Reason: new LostReason(r.GetString(1), Count(r, 2))), ("quarter", quarter)).ToLookup(x => x.Id, x => x.Reason);
        var open = warehouse.Query("""
            select partner_id, stage_index, stage, deals, arr, credited_arr
            from marts.partner_open_pipeline
            order by partner_id, stage_index, credited_arr desc, stage
            """, r => (Id: r.GetString(0), Stage: new StagePipeline(Count(r, 1), r.GetString(2), Count(r, 3), Amount(r, 4), Amount(r, 5))))
            .ToLookup(x => x.Id, x => x.Stage);
        var pipeline = PartnerFacts.Pipeline(warehouse);
        var hygiene = warehouse.Query("""
            select partner_id, open_partner_opportunities, with_findings, hygiene_score, stale_next_step_count, no_recent_activity_count,
                   reseller_without_registration_count
            from marts.hygiene_scores_partner
            """, r => (Id: r.GetString(0), Figures: new HygieneFigures(Count(r, 1), Count(r, 2), Number(r, 3), Count(r, 4), Count(r, 5), Count(r, 6))))
            .ToDictionary(x => x.Id, x => x.Figures);
        var tiers = PartnerFacts.TierProgress(warehouse, quarter);
        var streaks = warehouse.Query("""
            select partner_id, downgrade_streak_quarters from marts.tier_reviews where fiscal_quarter = $quarter
            """, r => (Id: r.GetString(0), Streak: Count(r, 1)), ("quarter", quarter)).ToDictionary(x => x.Id, x => x.Streak);
        var readiness = PartnerFacts.Readiness(warehouse);
        var protections = PartnerFacts.ExpiringProtections(warehouse);
        var stalled = PartnerFacts.StalledDeals(warehouse);
        var atRisk = PartnerFacts.StalledAtRisk(warehouse, PartnerActions.AtRiskScore);

        var partners = PartnerFacts.ActivePartners(warehouse).Where(p => onlyPartnerIds is null || onlyPartnerIds.Contains(p.PartnerId)).ToList();
        var soWhat = SoWhatReader.ForPartners(warehouse, quarter, snapshot.PreviousQuarter(quarter), partners.Select(p => p.PartnerId));
        return partners
            .Select(p =>
            {
                var history = quarters.Select(q => figures.GetValueOrDefault((p.PartnerId, q)) ?? QuarterFigures.Empty(q)).ToList();
                var tier = tiers[p.PartnerId].ToList();
                return new PartnerQbrData(snapshot, quarter, p, history, closed[p.PartnerId].ToList(), lostReasons[p.PartnerId].ToList(),
                    open[p.PartnerId].ToList(), pipeline.GetValueOrDefault(p.PartnerId) ?? PartnerPipeline.None(p.PartnerId),
                    tier.Select(t => t.Progress).ToList(), tier.Select(t => t.Recommendation).FirstOrDefault(),
                    tier.Select(t => t.EvaluatedTier).FirstOrDefault(), readiness.TryGetValue(p.PartnerId, out var r) ? r : null,
                    protections[p.PartnerId].ToList(), stalled[p.PartnerId].ToList(), atRisk.GetValueOrDefault(p.PartnerId),
                    hygiene.GetValueOrDefault(p.PartnerId) ?? new HygieneFigures(0, 0, null, 0, 0, 0))
                {
                    DowngradeStreakQuarters = streaks.GetValueOrDefault(p.PartnerId),
                    SoWhat = soWhat.GetValueOrDefault(p.PartnerId),
                };
            }).ToList();
    }
}
