using Analytics.Reports.Data;
using static Analytics.Reports.Data.Column;

namespace Analytics.Reports.Weekly;

/// <summary>Builds one <see cref="WeeklyScorecard"/> per partner manager from the warehouse, each holding only the rows
/// of that manager's active partners (<see cref="PartnerFacts"/> keys every row by partner_id).</summary>
public static class WeeklyScorecardReader
{
    /// <summary>Stalled deals listed per email.</summary>
    public const int StalledDealsListed = 10;

    /// <summary>The week a warehouse's emails cover: the ISO week holding its snapshot date.</summary>
    public static IsoWeek WeekOf(ReportSnapshot snapshot) => IsoWeek.Containing(snapshot.SnapshotDate);

    /// <summary>Reads every manager's scorecard for <paramref name="week"/>, which must be the week of the warehouse's snapshot.</summary>
    /// <exception cref="ReportException">The warehouse holds another week's snapshot.</exception>
    public static IReadOnlyList<WeeklyScorecard> Read(ReportWarehouse warehouse, IsoWeek week)
    {
        var snapshot = warehouse.Snapshot;
        if (WeekOf(snapshot) != week)
        {
            throw new ReportException($"The warehouse holds snapshot {snapshot.SnapshotDate:yyyy-MM-dd} ({WeekOf(snapshot)}), not one of {week}: "
                + $"rebuild it for that week first (analytics transform --as-of {week.Sunday:yyyy-MM-dd}, then analytics score).");
        }

        var partners = PartnerFacts.ActivePartners(warehouse);
        var tiers = PartnerFacts.TierProgress(warehouse, snapshot.CurrentQuarter);
        var readiness = PartnerFacts.Readiness(warehouse);
        var stalled = PartnerFacts.StalledDeals(warehouse);
        var protections = PartnerFacts.ExpiringProtections(warehouse);
        var registrations = PartnerFacts.RecentRegistrations(warehouse, snapshot.SnapshotDate);
        var pipeline = PartnerFacts.SourcedPipeline(warehouse, snapshot.SnapshotDate);
        var openDeals = warehouse.Query("""
            select p.partner_id, count(distinct p.opportunity_id)
            from staging.opportunity_partners as p
            join staging.opportunities as o using (opportunity_id)
            where not o.is_closed
            group by all
            """, r => (Id: r.GetString(0), Deals: Count(r, 1))).ToDictionary(x => x.Id, x => x.Deals);

        var weekStart = snapshot.SnapshotDate.AddDays(-6).ToDateTime(TimeOnly.MinValue);
        return partners.GroupBy(p => p.ManagerEmail, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var ids = g.Select(p => p.PartnerId).ToList();
                var cardPartners = g.Select(p =>
                {
                    var criteria = tiers[p.PartnerId].ToList();
                    var evaluated = criteria.Count > 0 ? criteria[0].EvaluatedTier : null;
                    var (now, weekAgo) = pipeline.ByPartner.GetValueOrDefault(p.PartnerId);
                    return new ScorecardPartner(p.PartnerId, p.Name, p.PartnerType, p.Tier, evaluated == p.Tier ? null : evaluated,
                        criteria.Select(c => c.Recommendation).FirstOrDefault(), readiness.TryGetValue(p.PartnerId, out var r) ? r : null,
                        criteria.Select(c => c.Progress).ToList(), now, pipeline.HasWeekAgo ? weekAgo : null, openDeals.GetValueOrDefault(p.PartnerId));
                }).ToList();
                var recent = ids.SelectMany(id => registrations[id]).ToList();
                return new WeeklyScorecard(g.Key, week, snapshot.SnapshotDate, snapshot.RunId, cardPartners,
                    recent.Where(x => x.SubmittedAt >= weekStart).OrderBy(x => x.SubmittedAt).ToList(),
                    recent.Where(x => x.Status == "pending").OrderBy(x => x.SubmittedAt).ToList(),
                    ids.SelectMany(id => protections[id]).OrderBy(x => x.DaysLeft).ThenBy(x => x.RegistrationId).ToList(),
                    ids.SelectMany(id => stalled[id]).OrderByDescending(x => x.Score).ThenByDescending(x => x.Arr).ThenBy(x => x.OpportunityId)
                        .Take(StalledDealsListed).ToList());
            }).ToList();
    }
}
