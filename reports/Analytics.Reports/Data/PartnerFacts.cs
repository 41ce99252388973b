using Analytics.Reports.Charts;
using Analytics.Reports.Weekly;
using static Analytics.Reports.Data.Column;

namespace Analytics.Reports.Data;

/// <summary>
/// Partner-scoped facts shared by the partner QBR pack and the weekly scorecard: every query returns rows keyed by
/// partner_id, and callers take only their own partners' rows. That is the one place scoping happens.
/// </summary>
public static class PartnerFacts
{
    /// <summary>Words for each tier criterion (pipeline.yaml tiers.levels).</summary>
    public static string CriterionLabel(string criterion) => criterion switch
    {
        "rolling_4q_credited_arr" => "Credited ARR, last 4 quarters",
        "avg_csat" => "Average CSAT (1-5)",
        "certified_people" => "Certified people",
        "recent_proofs" => "Recent proofs",
        "hygiene_score" => "Hygiene score",
        _ => criterion.Replace('_', ' '),
    };

    /// <summary>A criterion's value written for people.</summary>
    public static string CriterionValue(string criterion, double? value) => value is not { } v ? "n/a" : criterion switch
    {
        "rolling_4q_credited_arr" => NumberFormat.Money(v),
        "avg_csat" => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        "hygiene_score" => NumberFormat.Percent(v),
        _ => NumberFormat.Count(v),
    };

    /// <summary>The active partners, by name (marts.partner_roster).</summary>
    public static List<PartnerInfo> ActivePartners(ReportWarehouse warehouse) => warehouse.Query("""
        select partner_id, name, partner_type, tier, partner_manager_email, region
        from marts.partner_roster
        where is_active
        order by name, partner_id
        """, r => new PartnerInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5) ?? ""));

    /// <summary>
    /// Each partner's progress toward the tier above (or, at the top tier, on keeping it) in <paramref name="quarter"/>'s
    /// review (marts.tier_checklist), with the recommendation; criteria not judged (value unknown) are left out.
    /// </summary>
    public static ILookup<string, (CriterionProgress Progress, string EvaluatedTier, string? Recommendation, double? Gap)> TierProgress(ReportWarehouse warehouse, string quarter) =>
        warehouse.Query("""
            with ranked as (
                select *, max(case role when 'next' then 1 else 0 end) over (partition by partner_id) as has_next
                from marts.tier_checklist
                where fiscal_quarter = $quarter
            )
            select partner_id, criterion, value, threshold, progress_pct, is_met, evaluated_tier, recommendation, gap_to_threshold
            from ranked
            where is_judged and (role = 'next' or has_next = 0)
            order by partner_id, criterion
            """, r =>
            {
                var criterion = r.GetString(1);
                var value = Number(r, 2);
                var threshold = Amount(r, 3);
                var progress = new CriterionProgress(criterion, CriterionLabel(criterion), value, threshold, Amount(r, 4) / 100, r.GetBoolean(5),
                    CriterionValue(criterion, value), CriterionValue(criterion, threshold));
                return (PartnerId: r.GetString(0), Row: (progress, r.GetString(6), Text(r, 7), Number(r, 8)));
            }, ("quarter", quarter)).ToLookup(x => x.PartnerId, x => x.Row);

    /// <summary>Each partner's readiness probability for the next review (scores.tier_readiness), when scored.</summary>
    public static Dictionary<string, double> Readiness(ReportWarehouse warehouse) => !warehouse.HasTable("scores", "tier_readiness")
        ? []
        : warehouse.Query("select partner_id, probability from scores.tier_readiness", r => (Id: r.GetString(0), P: Amount(r, 1)))
            .ToDictionary(x => x.Id, x => x.P);

    /// <summary>Open deals with their stalled-deal scores, highest first, keyed by partner (scores.stalled_deals).</summary>
    public static ILookup<string, StalledDealItem> StalledDeals(ReportWarehouse warehouse) => !warehouse.HasTable("scores", "stalled_deals")
        ? Array.Empty<StalledDealItem>().ToLookup(d => d.PartnerId)
        : warehouse.Query("""
            select s.opportunity_id, d.name, s.partner_id, p.name, d.stage, d.arr, s.score, s.reason_1, s.reason_2, s.reason_3,
                d.arr * s.score / 100.0 as arr_at_risk
            from scores.stalled_deals as s
            join marts.deals as d using (opportunity_id)
            join marts.partner_roster as p on p.partner_id = s.partner_id
            order by s.score desc, d.arr desc, s.opportunity_id
            """, r => new StalledDealItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Amount(r, 5), Count(r, 6),
                new[] { Text(r, 7), Text(r, 8), Text(r, 9) }.OfType<string>().ToList()) { ArrAtRisk = Amount(r, 10) }).ToLookup(d => d.PartnerId);

    /// <summary>
    /// Each partner's open deals scoring <paramref name="minimumScore"/> or more on the stalled-deal model, counted
    /// with their ARR (scores.stalled_deals, marts.deals); empty when unscored.
    /// </summary>
    public static Dictionary<string, (int Deals, double Arr)> StalledAtRisk(ReportWarehouse warehouse, int minimumScore) => !warehouse.HasTable("scores", "stalled_deals")
        ? []
        : warehouse.Query("""
            select s.partner_id, count(*), sum(d.arr)
            from scores.stalled_deals as s
            join marts.deals as d using (opportunity_id)
            join marts.partner_roster as p on p.partner_id = s.partner_id
            where s.score >= $minimum
            group by s.partner_id
            """, r => (Id: r.GetString(0), Deals: Count(r, 1), Arr: Amount(r, 2)), ("minimum", minimumScore))
            .ToDictionary(x => x.Id, x => (x.Deals, x.Arr));

    /// <summary>Protections ending within 7 days of the snapshot, soonest first (marts.expiring_protections).</summary>
    public static ILookup<string, ExpiringProtectionItem> ExpiringProtections(ReportWarehouse warehouse) => warehouse.Query("""
        select registration_id, partner_id, partner_name, coalesce(account_name, company_name), protection_end, days_left
        from marts.expiring_protections
        order by days_left, registration_id
        """, r => new ExpiringProtectionItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4), Count(r, 5)))
        .ToLookup(p => p.PartnerId);

    /// <summary>
    /// Deal registrations submitted in the snapshot's ISO week (from its Monday) or still undecided at it, keyed by partner
    /// (marts.recent_registrations; overdue = decided or still undecided past the 48-hour SLA).
    /// </summary>
    public static ILookup<string, RegistrationItem> RecentRegistrations(ReportWarehouse warehouse) => warehouse.Query("""
        select registration_id, partner_id, partner_name, company_name, submitted_at, status, age_hours, is_overdue, is_submitted_this_week
        from marts.recent_registrations
        order by submitted_at, registration_id
        """, r => new RegistrationItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDateTime(4), r.GetString(5),
            Amount(r, 6), r.GetBoolean(7)) { IsSubmittedThisWeek = r.GetBoolean(8) }).ToLookup(x => x.PartnerId);

    /// <summary>
    /// Each partner's open deals and sourced pipeline ARR (credited ARR of open opportunities with a sourced
    /// attribution) at the snapshot and a week before (marts.partner_pipeline).
    /// </summary>
    public static Dictionary<string, PartnerPipeline> Pipeline(ReportWarehouse warehouse) => warehouse.Query("""
        select partner_id, open_deals, open_arr, open_credited_arr, sourced_pipeline_arr, sourced_pipeline_arr_week_ago
        from marts.partner_pipeline
        """, r => new PartnerPipeline(r.GetString(0), Count(r, 1), Amount(r, 2), Amount(r, 3), Amount(r, 4), Number(r, 5)))
        .ToDictionary(p => p.PartnerId);
}
