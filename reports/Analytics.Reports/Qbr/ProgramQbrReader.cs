using Analytics.Reports.Data;
using static Analytics.Reports.Data.Column;
using static Analytics.Reports.Qbr.ProgramQbrData;

namespace Analytics.Reports.Qbr;

/// <summary>Reads <see cref="ProgramQbrData"/> for one quarter from the marts and scores; every query names its mart.</summary>
public static class ProgramQbrReader
{
    /// <summary>Quarters of history the trend charts show.</summary>
    public const int TrendQuarters = 8;

    /// <summary>How many readiness leaders and top partners are listed.</summary>
    public const int Leaders = 10;

    /// <summary>The forecast model's name in scores.models (its back-test error is in catalog.model_evaluations).</summary>
    private const string ForecastModel = "pipeline_forecast";

    /// <summary>Reads the pack's figures for <paramref name="quarter"/>.</summary>
    /// <exception cref="ReportException">The quarter is unknown or has not closed.</exception>
    public static ProgramQbrData Read(ReportWarehouse warehouse, string quarter, int stalledDealsListed)
    {
        var snapshot = warehouse.Snapshot;
        var quarters = snapshot.QuartersEndingWith(quarter, TrendQuarters);
        var previous = snapshot.PreviousQuarter(quarter);
        var q = ("quarter", (object?)quarter);
        var from = ("from", (object?)quarters[0]);
        var scored = warehouse.HasTable("scores", "stalled_deals");

        var figures = warehouse.Query("""
            select fiscal_quarter, won_arr, sourced_arr, influenced_arr, partner_share_of_new_pipeline, new_pipeline_arr,
                   won_deals, partner_touched_won_deals
            from marts.program_quarterly
            where fiscal_quarter between $from and $quarter
            order by fiscal_quarter
            """, r => new QuarterFigures(r.GetString(0), Amount(r, 1), Amount(r, 2), Amount(r, 3), Amount(r, 4), Amount(r, 5), Count(r, 6), Count(r, 7)), from, q);
        if (figures.Count == 0 || figures[^1].Quarter != quarter)
        {
            throw new ReportException($"marts.program_quarterly has no row for {quarter}.");
        }

        var summary = warehouse.Query("""
            select sourced_arr_qoq_change, influenced_arr_qoq_change, partner_mix_adjusted_delta_pp
            from marts.program_summary
            where fiscal_quarter = $quarter
            """, r => new SummaryFigures(Number(r, 0), Number(r, 1), Number(r, 2)), q).FirstOrDefault() ?? new SummaryFigures(null, null, null);

        var arrByMotion = warehouse.Query("""
            select motion, sourced_arr, influenced_arr
            from marts.program_arr_by_motion
            where fiscal_quarter = $quarter and credited_arr > 0
            order by credited_arr desc
            """, r => new MotionArr(r.GetString(0), Amount(r, 1), Amount(r, 2)), q);

        var winRates = warehouse.Query("""
            select w.motion, w.fiscal_quarter, w.won, w.lost, w.win_rate, w.delta_vs_direct_pp, w.mix_adjusted_delta_pp,
                   w.mean_won_arr, c.median_days, c.delta_vs_direct_median_days
            from marts.win_rates as w
            left join marts.cycle_times as c on c.motion = w.motion and c.fiscal_quarter = w.fiscal_quarter
            where w.fiscal_quarter between $from and $quarter and w.motion <> 'unspecified'
            order by w.fiscal_quarter, w.motion = 'direct' desc, w.motion
            """, r => new MotionWinRate(r.GetString(0), r.GetString(1), Count(r, 2), Count(r, 3), Number(r, 4), Number(r, 5), Number(r, 6), Number(r, 7), Number(r, 8), Number(r, 9)), from, q);

        var forecast = scored ? ReadForecast(warehouse, "motion = 'all'") : [];
        var forecastByMotion = scored ? ReadForecast(warehouse, "motion <> 'all' and kind = 'forecast'") : [];

        var registrations = warehouse.Query("""
            select fiscal_quarter, submitted, decided, decided_within_48h, missed_48h, approved, declined, median_decision_hours
            from marts.program_registration_sla
            where fiscal_quarter between $from and $quarter
            order by fiscal_quarter
            """, r => new RegistrationQuarter(r.GetString(0), Count(r, 1), Count(r, 2), Count(r, 3), Count(r, 4), Count(r, 5), Count(r, 6), Number(r, 7)), from, q);

        var registered = warehouse.Query("""
            select is_registered, won, lost, win_rate, mean_won_arr
            from marts.registered_win_rates
            where fiscal_quarter = $quarter
            order by is_registered desc
            """, r => new RegisteredWinRate(r.GetBoolean(0), Count(r, 1), Count(r, 2), Number(r, 3), Number(r, 4)), q);

        var declines = warehouse.Query("""
            select decline_reason, declined, share_of_declined
            from marts.registration_decline_reasons
            where fiscal_quarter = $quarter
            order by rank
            """, r => new DeclineReason(r.GetString(0), Count(r, 1), Amount(r, 2)), q);

        var conflicts = warehouse.Query("""
            select fiscal_quarter, registrations_submitted, conflicts_opened, conflicts_per_100_registrations
            from marts.conflict_rate_quarterly
            where fiscal_quarter between $from and $quarter
            order by fiscal_quarter
            """, r => new ConflictQuarter(r.GetString(0), Count(r, 1), Count(r, 2), Number(r, 3)), from, q);

        var conflictTypes = warehouse.Query("""
            select conflict_type, opened, acknowledged_24h_share, resolved_5bd_share, median_resolution_days
            from marts.program_conflict_types
            where fiscal_quarter = $quarter
            order by opened desc
            """, r => new ConflictType(r.GetString(0), Count(r, 1), Number(r, 2), Number(r, 3), Number(r, 4)), q);

        var tierCounts = warehouse.Query("""
            select tier, tier_rank, recommendation, partners
            from marts.tier_review_counts
            where fiscal_quarter = $quarter
            order by tier_rank, recommendation
            """, r => new TierCount(r.GetString(0), Count(r, 1), r.GetString(2), Count(r, 3)), q);

        var tierMoves = warehouse.Query("""
            select partner_name, tier, recommendation, recommended_tier, nearest_gap_criterion, nearest_gap, downgrade_streak_quarters
            from marts.tier_reviews
            where fiscal_quarter = $quarter and recommendation <> 'hold'
            order by case recommendation when 'upgrade' then 0 when 'grace' then 1 else 2 end, tier_rank desc, partner_name
            """, r => new TierMove(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), Count(r, 6)), q);

        var readiness = scored ? warehouse.Query($"""
            select p.name, t.current_tier, t.next_tier, t.probability, t.criteria_met, t.criteria_judged
            from scores.tier_readiness as t
            join marts.partner_roster as p using (partner_id)
            where t.current_tier <> t.next_tier
            order by t.probability desc, p.name
            limit {Leaders}
            """, r => new Readiness(r.GetString(0), r.GetString(1), Text(r, 2), Amount(r, 3), Count(r, 4), Count(r, 5))) : [];

        var stalled = scored ? warehouse.Query("""
            select s.opportunity_id, d.name, p.name, d.reporting_motion, d.stage, d.arr, s.score,
                   concat_ws('; ', s.reason_1, s.reason_2, s.reason_3)
            from scores.stalled_deals as s
            join marts.deals as d using (opportunity_id)
            join marts.partner_roster as p on p.partner_id = s.partner_id
            order by s.score desc, d.arr desc, s.opportunity_id
            limit $limit
            """, r => new StalledDeal(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Amount(r, 5), Count(r, 6), r.GetString(7)),
            ("limit", stalledDealsListed)) : [];

        var topPartners = warehouse.Query($"""
            select p.name, p.partner_type, p.tier, a.sourced_arr, a.influenced_arr, a.previous_credited_arr
            from marts.partner_quarterly as a
            join marts.partner_roster as p using (partner_id)
            where a.fiscal_quarter = $quarter and a.credited_arr > 0
            order by a.credited_arr desc, p.name
            limit {Leaders}
            """, r => new PartnerArr(r.GetString(0), r.GetString(1), r.GetString(2), Amount(r, 3), Amount(r, 4), Amount(r, 5)), q);

        var backtestError = scored ? warehouse.Query("""
            select max(e.value) filter (where e.metric = 'mape'), max(e.value) filter (where e.metric = 'naive_mape')
            from catalog.model_evaluations as e
            join scores.models as m using (model_version)
            where m.model = $model
            """, r => (Mape: Number(r, 0), Naive: Number(r, 1)), ("model", ForecastModel))[0] : (null, null);

        return new ProgramQbrData(snapshot, quarter, previous, figures, summary, arrByMotion, winRates.Where(w => w.Quarter == quarter).ToList(), winRates,
            forecast, forecastByMotion, registrations, registered, declines, conflicts, conflictTypes, tierCounts, tierMoves, readiness,
            stalled, topPartners, backtestError.Mape, backtestError.Naive, ReadTests(warehouse), scored ? ReadModels(warehouse) : [])
        {
            SoWhat = SoWhatReader.ForProgram(warehouse, quarter, previous),
        };
    }

    private static List<ForecastRow> ReadForecast(ReportWarehouse warehouse, string where) => warehouse.Query($"""
        select fiscal_quarter, motion, kind, won_to_date_arr, expected_from_open_arr, expected_from_new_arr, forecast_arr,
               actual_arr, abs_pct_error, naive_arr, naive_abs_pct_error
        from scores.forecast
        where {where}
        order by kind = 'forecast', fiscal_quarter, forecast_arr desc
        """, r => new ForecastRow(r.GetString(0), r.GetString(1), r.GetString(2), Amount(r, 3), Amount(r, 4), Amount(r, 5), Amount(r, 6),
            Number(r, 7), Number(r, 8), Number(r, 9), Number(r, 10)));

    private static TestSummary ReadTests(ReportWarehouse warehouse)
    {
        var counts = warehouse.Query("select status, count(*) from catalog.tests group by status", r => (Status: r.GetString(0), Count: Count(r, 1)))
            .ToDictionary(c => c.Status, c => c.Count);
        var notPassed = warehouse.Query("""
            select status || ' (' || severity || '): ' || test_name || ', ' || coalesce(failing_rows, 0) || ' rows'
            from catalog.tests
            where status <> 'passed'
            order by status, test_name
            """, r => r.GetString(0));
        return new TestSummary(counts.GetValueOrDefault("passed"), counts.GetValueOrDefault("warned"), counts.GetValueOrDefault("failed"),
            counts.GetValueOrDefault("skipped"), notPassed);
    }

    private static List<ModelSummary> ReadModels(ReportWarehouse warehouse)
    {
        var metrics = warehouse.Query("""
            select e.model_version, e.evaluation_window, e.metric, e.value
            from catalog.model_evaluations as e
            join scores.models as m using (model_version)
            where e.metric in ('auc', 'brier', 'max_calibration_gap_pp', 'brier_base_rate', 'mape', 'naive_mape')
            order by e.model_version, e.ordinal
            """, r => (Version: r.GetString(0), Window: r.GetString(1), Metric: r.GetString(2), Value: Amount(r, 3)))
            .ToLookup(m => m.Version);
        return warehouse.Query("""
            select model, model_version, cast(training_snapshot_date as varchar), training_outcomes, is_thin
            from scores.models
            order by model
            """, r => (Model: r.GetString(0), Version: r.GetString(1), Snapshot: r.GetString(2), Outcomes: Count(r, 3), Thin: r.GetBoolean(4)))
            .Select(m => new ModelSummary(m.Model, m.Version, m.Snapshot, m.Outcomes, m.Thin,
                metrics[m.Version].Select(x => (x.Window, x.Metric, x.Value)).ToList()))
            .ToList();
    }
}
