using Analytics.Pipelines.Diagnostics;
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
                + $"rebuild it for that week first ({SuggestedCommands.TransformAsOf(week.Sunday)}, then analytics score).");
        }

        var partners = PartnerFacts.ActivePartners(warehouse);
        var tiers = PartnerFacts.TierProgress(warehouse, snapshot.CurrentQuarter);
        var readiness = PartnerFacts.Readiness(warehouse);
        var stalled = PartnerFacts.StalledDeals(warehouse);
        var protections = PartnerFacts.ExpiringProtections(warehouse);
        var registrations = PartnerFacts.RecentRegistrations(warehouse);
        var pipeline = PartnerFacts.Pipeline(warehouse);
        var totals = warehouse.Query("""
            select manager_key, sourced_pipeline_arr, sourced_pipeline_arr_week_ago
            from marts.manager_pipeline
            """, r => (Key: r.GetString(0), Now: Amount(r, 1), WeekAgo: Number(r, 2))).ToDictionary(x => x.Key, StringComparer.OrdinalIgnoreCase);

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
                    var open = pipeline.GetValueOrDefault(p.PartnerId) ?? PartnerPipeline.None(p.PartnerId);
                    return new ScorecardPartner(p.PartnerId, p.Name, p.PartnerType, p.Tier, evaluated == p.Tier ? null : evaluated,
                        criteria.Select(c => c.Recommendation).FirstOrDefault(), readiness.TryGetValue(p.PartnerId, out var r) ? r : null,
                        criteria.Select(c => c.Progress).ToList(), open.SourcedPipelineArr, open.SourcedPipelineArrWeekAgo, open.OpenDeals);
                }).ToList();
                var recent = ids.SelectMany(id => registrations[id]).ToList();
                var total = totals.GetValueOrDefault(g.Key);
                return new WeeklyScorecard(g.Key, week, snapshot.SnapshotDate, snapshot.RunId, cardPartners,
                    recent.Where(x => x.SubmittedAt >= weekStart).OrderBy(x => x.SubmittedAt).ToList(),
                    recent.Where(x => x.Status == "pending").OrderBy(x => x.SubmittedAt).ToList(),
                    ids.SelectMany(id => protections[id]).OrderBy(x => x.DaysLeft).ThenBy(x => x.RegistrationId).ToList(),
                    ids.SelectMany(id => stalled[id]).OrderByDescending(x => x.Score).ThenByDescending(x => x.Arr).ThenBy(x => x.OpportunityId)
                        .Take(StalledDealsListed).ToList(),
                    total.Now, total.WeekAgo, ids.ToDictionary(id => id, id => stalled[id].Count(), StringComparer.Ordinal));
            }).ToList();
    }
}
