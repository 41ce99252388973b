using Analytics.Pipelines.Diagnostics;
using Analytics.Reports.Data;
using static Analytics.Reports.Data.Column;

namespace Analytics.Reports.Weekly;

/// <summary>Builds one <see cref="WeeklyScorecard"/> per partner manager from the warehouse, each holding only the rows
/// of that manager's active partners (<see cref="PartnerFacts"/> keys every row by partner_id).</summary>
public static class WeeklyScorecardReader
{
    /// <summary>Stalled deals a card holds (the email lists the first <see cref="WeeklyScorecard.StalledDealsInEmail"/>, the PDF all).</summary>
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

        var changes = ReadChanges(warehouse);
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
                    recent.Where(x => x.IsSubmittedThisWeek).OrderBy(x => x.SubmittedAt).ToList(),
                    recent.Where(x => x.Status == "pending").OrderBy(x => x.SubmittedAt).ToList(),
                    ids.SelectMany(id => protections[id]).OrderBy(x => x.DaysLeft).ThenBy(x => x.RegistrationId).ToList(),
                    ids.SelectMany(id => stalled[id]).OrderByDescending(x => x.ArrAtRisk).ThenByDescending(x => x.Score).ThenBy(x => x.OpportunityId)
                        .ThenBy(x => x.PartnerId, StringComparer.Ordinal).Take(StalledDealsListed).ToList(),
                    total.Now, total.WeekAgo, ids.ToDictionary(id => id, id => stalled[id].Count(), StringComparer.Ordinal))
                {
                    Changes = changes(g.Key),
                };
            }).ToList();
    }

    /// <summary>
    /// Per manager, the changes since the previous week's snapshot (marts.weekly_deal_changes) of the manager's active
    /// partners' deals: counted and summed in SQL, each deal once per manager however many of its partners are on it.
    /// </summary>
    private static Func<string, WeeklyChanges> ReadChanges(ReportWarehouse warehouse)
    {
        var previous = warehouse.Query("select max(week_ago_snapshot_date) from marts.partner_pipeline",
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0)).Single();
        if (previous is null)
        {
            return _ => WeeklyChanges.None;
        }

        const string Deals = """
            with scoped as (
                select lower(p.partner_manager_email) as manager_key, c.opportunity_id, c.opportunity_name, c.change, c.stage, c.arr,
                    c.close_date, c.previous_close_date, p.name as partner_name
                from marts.weekly_deal_changes as c
                join marts.partner_roster as p on p.partner_id = c.partner_id
                where p.is_active
            )
            select manager_key, opportunity_id, any_value(opportunity_name) as opportunity_name, change,
                string_agg(distinct partner_name, ', ' order by partner_name) as partner_names, any_value(stage) as stage, any_value(arr) as arr,
                any_value(close_date) as close_date, any_value(previous_close_date) as previous_close_date
            from scoped
            group by manager_key, opportunity_id, change
            """;
        var deals = warehouse.Query($"""
            {Deals}
            order by manager_key, case change when 'new' then 1 when 'won' then 2 when 'lost' then 3 else 4 end, arr desc, opportunity_id
            """, r => (Key: r.GetString(0), Deal: new DealChangeItem(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                Amount(r, 6), r.GetFieldValue<DateOnly>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8))))
            .ToLookup(x => x.Key, x => x.Deal, StringComparer.OrdinalIgnoreCase);
        var counts = warehouse.Query($"""
            with deals as ({Deals})
            select manager_key, change, count(*), sum(arr)
            from deals
            group by manager_key, change
            """, r => (Key: r.GetString(0), Count: new ChangeCount(r.GetString(1), Count(r, 2), Amount(r, 3))))
            .ToLookup(x => x.Key, x => x.Count, StringComparer.OrdinalIgnoreCase);
        return manager => new WeeklyChanges(previous,
            [.. WeeklyChanges.Kinds.Select(k => counts[manager].FirstOrDefault(c => c.Change == k) ?? new ChangeCount(k, 0, 0))],
            [.. deals[manager]]);
    }
}
