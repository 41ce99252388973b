-- Gaps are rounded up in the nearest gap's words (a 1.2-person gap needs 2 people); ties between criteria go by
-- criterion name, so the words are deterministic.
with checklist as (
    select
        partner_id,
        partner_name,
        partner_type,
        fiscal_quarter,
        quarter_number,
        is_current,
        tier,
        tier_rank,
        role,
        criterion,
        threshold,
        is_judged,
        is_met,
        progress_pct,
        gap_to_threshold,
        recommendation,
        recommended_tier
    from marts.tier_checklist
),

tier_levels as (
    select tier, tier_rank, tier_rank = max(tier_rank) over () as is_top_tier from config.tiers
),

partner_quarters as (
    select
        partner_id,
        fiscal_quarter,
        any_value(partner_name) as partner_name,
        any_value(partner_type) as partner_type,
        any_value(quarter_number) as quarter_number,
        any_value(is_current) as is_current,
        any_value(tier) as tier,
        any_value(tier_rank) as tier_rank,
        count(*) filter (where role = 'current' and is_judged) as criteria_judged_current,
        count(*) filter (where role = 'current' and is_met) as criteria_met_current,
        string_agg(criterion, ', ' order by criterion) filter (where role = 'current' and is_judged and not is_met) as missed_criteria,
        count(*) filter (where role = 'next' and is_judged) as criteria_judged_next,
        count(*) filter (where role = 'next' and is_met) as criteria_met_next,
        any_value(recommendation) as recommendation,
        any_value(recommended_tier) as recommended_tier
    from checklist
    group by partner_id, fiscal_quarter
),

-- the target tier's unmet criteria: the next tier's, or at the top tier its own (what keeping it takes)
target_gaps as (
    select
        c.partner_id,
        c.fiscal_quarter,
        c.criterion,
        c.threshold,
        c.gap_to_threshold,
        row_number() over (partition by c.partner_id, c.fiscal_quarter order by c.progress_pct desc, c.criterion) as closeness
    from checklist as c
    inner join tier_levels as t on t.tier = c.tier
    where (c.role = 'next' or (c.role = 'current' and t.is_top_tier)) and c.is_judged and not c.is_met
),

nearest_gaps as (
    select
        partner_id,
        fiscal_quarter,
        criterion,
        case criterion
            when 'rolling_4q_credited_arr' then format('needs ${:,} more credited ARR in the four quarters', cast(ceil(round(gap_to_threshold, 6)) as bigint))
            when 'avg_csat' then format('needs average CSAT {:.2f} higher (to {})', ceil(round(gap_to_threshold * 100, 6)) / 100, threshold)
            when 'certified_people' then format('needs {} more certified {}', cast(ceil(gap_to_threshold) as bigint),
                case when ceil(gap_to_threshold) = 1 then 'person' else 'people' end)
            when 'recent_proofs' then format('needs {} more recent {}', cast(ceil(gap_to_threshold) as bigint),
                case when ceil(gap_to_threshold) = 1 then 'proof' else 'proofs' end)
            when 'hygiene_score' then format('needs a hygiene score {:.1f} points higher (to {:.1f} %)', ceil(round(gap_to_threshold * 1000, 6)) / 10, threshold * 100)
            else format('needs {} {} higher', criterion, gap_to_threshold)
        end as nearest_gap
    from target_gaps
    where closeness = 1
),

-- Consecutive downgrade recommendations ending at the quarter. The CRM keeps no tier history: a partner recommended for
-- downgrade several quarters running still holds its tier, so nobody acted on the review, and the packs say so.
downgrade_streaks as (
    select
        partner_id,
        fiscal_quarter,
        case when recommendation = 'downgrade' then
            quarter_number - coalesce(
                max(case when recommendation <> 'downgrade' then quarter_number end)
                    over (partition by partner_id order by quarter_number rows between unbounded preceding and current row),
                min(quarter_number) over (partition by partner_id) - 1)
        else 0 end as downgrade_streak_quarters
    from partner_quarters
)

select
    p.partner_id,
    p.partner_name,
    p.partner_type,
    p.fiscal_quarter,
    p.quarter_number,
    p.is_current,
    p.tier,
    p.tier_rank,
    p.criteria_judged_current,
    p.criteria_met_current,
    p.missed_criteria,
    (select t.tier from tier_levels as t where t.tier_rank > p.tier_rank order by t.tier_rank limit 1) as next_tier,
    p.criteria_judged_next,
    p.criteria_met_next,
    p.recommendation,
    p.recommended_tier,
    g.criterion as nearest_gap_criterion,
    g.nearest_gap,
    cast(d.downgrade_streak_quarters as integer) as downgrade_streak_quarters
from partner_quarters as p
left join nearest_gaps as g on g.partner_id = p.partner_id and g.fiscal_quarter = p.fiscal_quarter
left join downgrade_streaks as d on d.partner_id = p.partner_id and d.fiscal_quarter = p.fiscal_quarter
order by p.partner_id, p.quarter_number
